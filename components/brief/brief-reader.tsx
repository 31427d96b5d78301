import type { BriefRevisionView, BriefView } from "@/lib/brief/queries";
import { type AnnotationView, applyAnnotationFilters, type AnnotationFilters } from "@/lib/annotations/queries";
import type { Actor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import type { Mentionable } from "@/components/editor/tiptap-editor";
import { editorLabels as makeEditorLabels } from "@/lib/editor/labels";
import type { Translate } from "@/lib/i18n/catalog";
import type { Locale } from "@/lib/vocab";
import { FormAlert } from "@/components/ui/form";
import { AnnotatedText } from "./annotated-text";
import { AnnotationMargin } from "./annotation-margin";
import { BriefAnnotator, type CreateAction } from "./brief-annotator";
import type { ReattachAction } from "./reattach";
import type { LinkOptions, ThreadActions } from "./thread-controls";

export type ReaderActions = ThreadActions & { create: CreateAction; reattach: ReattachAction };

/**
 * The brief with its annotations: highlighted text and the margin of threads. On an earlier
 * revision (`actions` null) it is read-only.
 */
export function BriefReader({
  brief,
  revision,
  annotations,
  filters,
  activeId,
  actor,
  t,
  locale,
  basePath,
  actions,
  mentionables,
  linkOptions,
  cited = null,
}: {
  brief: BriefView;
  revision: BriefRevisionView;
  annotations: AnnotationView[];
  filters: AnnotationFilters;
  activeId: string | null;
  actor: Actor;
  t: Translate;
  locale: Locale;
  basePath: string;
  actions: ReaderActions | null;
  mentionables: Mentionable[];
  linkOptions: LinkOptions;
  /** A passage opened from a policy, marked in the text. */
  cited?: { start: number; end: number } | null;
}) {
  const matching = new Set(applyAnnotationFilters(annotations, filters).map((a) => a.id));
  // A permalinked annotation is shown whatever the filters say.
  const shown = annotations.filter((a) => matching.has(a.id) || a.id === activeId);
  const missing = activeId !== null && !annotations.some((a) => a.id === activeId);
  const canEdit = actions !== null && can(actor.role, "annotations.edit");
  const editorLabels = makeEditorLabels(t);
  const keyOf = new Map(shown.map((a, i) => [a.id, i.toString(36)]));
  const ranges = shown.flatMap((a) => (a.orphaned || a.start === null || a.end === null ? [] : [{ id: keyOf.get(a.id)!, start: a.start, end: a.end }]));

  return (
    <>
      {missing ? <FormAlert tone="error">{t("annotations.notFound")}</FormAlert> : null}
      <BriefAnnotator
        body={<AnnotatedText doc={revision.doc} ranges={ranges} lang={brief.language} unavailableLabel={t("editor.unavailable")} cited={cited} />}
        margin={
          <AnnotationMargin
            all={annotations}
            shown={shown}
            filters={filters}
            basePath={basePath}
            ctx={{
              t,
              locale,
              viewerId: actor.id,
              canEdit,
              activeId,
              keyOf,
              basePath,
              actions: actions as ThreadActions | null,
              controlLabels: {
                resolve: t("annotations.resolve"),
                reopen: t("annotations.reopen"),
                edit: t("annotations.edit"),
                delete: t("annotations.delete"),
                deleteConfirm: t("annotations.deleteConfirm"),
                body: t("annotations.body"),
                tags: t("annotations.tags"),
                save: t("annotations.save"),
                saving: t("annotations.saving"),
                cancel: t("annotations.cancel"),
                linkTo: t("annotations.linkTo"),
                linkTarget: t("annotations.linkTarget"),
                linkPolicies: t("annotations.linkPolicies"),
                linkItems: t("annotations.linkItems"),
                link: t("annotations.link"),
                linked: t("annotations.linked"),
                createItem: t("annotations.createItem"),
                createItemTitle: t("annotations.createItemTitle"),
                itemCreated: t("annotations.itemCreated"),
              },
              editorLabels,
              mentionables,
              linkOptions,
            }}
          />
        }
        plainText={revision.plainText}
        revisionId={revision.id}
        canAnnotate={canEdit}
        activeId={activeId && !missing ? activeId : null}
        labels={{
          annotate: t("annotations.annotate"),
          newAnnotation: t("annotations.newAnnotation"),
          selectedPassage: t("annotations.selectedPassage"),
          body: t("annotations.body"),
          tags: t("annotations.tags"),
          tagsHint: t("annotations.tagsHint"),
          private: t("annotations.private"),
          save: t("annotations.save"),
          saving: t("annotations.saving"),
          cancel: t("annotations.cancel"),
          body_region: t("brief.body"),
          panelShow: t("annotations.panelShow", { count: shown.length }),
          panelClose: t("annotations.panelClose"),
          reattach: {
            reattach: t("annotations.reattach"),
            title: t("annotations.reattachTitle"),
            instructions: t("annotations.reattachInstructions"),
            original: t("annotations.reattachOriginal"),
            here: t("annotations.reattachHere"),
            chosen: t("annotations.reattachChosen"),
            nothingChosen: t("annotations.reattachNothingChosen"),
            confirm: t("annotations.reattachConfirm"),
            saving: t("annotations.reattachSaving"),
            cancel: t("annotations.cancel"),
          },
        }}
        editorLabels={editorLabels}
        mentionables={mentionables}
        createAction={actions?.create}
        reattachAction={actions?.reattach}
      />
    </>
  );
}

