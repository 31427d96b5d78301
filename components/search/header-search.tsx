import { MessagesProvider } from "@/components/i18n/messages-provider";
import { SearchLauncher } from "@/components/search/search-launcher";
import { pick } from "@/lib/i18n/catalog";
import { getLocale } from "@/lib/i18n/server";

/** The header's search field: Ctrl+K / ⌘K opens the search dialog from anywhere in the workspace. */
export async function HeaderSearch() {
  return (
    <MessagesProvider messages={pick(await getLocale(), "search")}>
      <SearchLauncher />
    </MessagesProvider>
  );
}
