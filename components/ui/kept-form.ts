"use client";

import { unstable_rethrow } from "next/navigation";
import { type FormEvent, startTransition, useCallback, useEffect, useRef } from "react";
import { useOptionalMessages } from "@/components/i18n/messages-provider";
import type { ActionFailure } from "@/lib/actions/result";

/**
 * Props for a `<form>` whose server action runs through `useActionState`, so that nothing typed
 * is lost when the server refuses: React 19 resets a `<form action={…}>` after every submission,
 * refusals included. This submits from `onSubmit` instead (the button pressed included), and
 * clears the form only when the action succeeded — as before, for forms that add something.
 */
export function useKeptForm(state: { ok: boolean } | null | undefined, dispatch: (data: FormData) => void, options: { resetOnSuccess?: boolean } = {}) {
  const ref = useRef<HTMLFormElement>(null);
  const resetOnSuccess = options.resetOnSuccess ?? true;
  useEffect(() => {
    if (state?.ok && resetOnSuccess) ref.current?.reset();
  }, [state, resetOnSuccess]);
  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLElement | null;
      const data = new FormData(event.currentTarget, submitter);
      startTransition(() => dispatch(data));
    },
    [dispatch],
  );
  return { ref, onSubmit };
}

// Pages outside the workspace (sign-in, invitations) have no catalog on the client: both languages.
const FALLBACK = "서버에 닿지 못했습니다. 입력한 내용은 그대로 있습니다. · The server could not be reached; what you typed is still here.";

/**
 * The server action, except that a request that never got an answer (network down, server
 * restarting) becomes a refusal the form shows beside what was typed, instead of the error page.
 * Next's own signals (redirect, not found) still pass through.
 */
export function useSurvivingAction<A extends unknown[], R>(action: (...args: A) => Promise<R>): (...args: A) => Promise<R | ActionFailure> {
  const message = useOptionalMessages("common")?.networkError ?? FALLBACK;
  return useCallback(
    async (...args: A) => {
      try {
        return await action(...args);
      } catch (error) {
        unstable_rethrow(error);
        const failure: ActionFailure = { ok: false, status: 503, code: "unavailable", formError: message };
        return failure;
      }
    },
    [action, message],
  );
}
