"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, startTransition, useActionState, useEffect, useRef } from "react";
import type { RichTextDoc } from "@/db/schema/brief";
import { RichTextField } from "@/components/editor/rich-text-field";
import { FieldErrors, FormAlert, FormField, inputClass } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions/result";
import type { EditorLabels } from "@/lib/editor/labels";
import type { DuplicateCandidate } from "@/lib/policies/find-duplicates";
import type { DimensionOptions } from "@/lib/policies/form-queries";
import type { IssuingBodyView } from "@/lib/policies/queries";
import { IssuingBodyPicker } from "./issuing-body-picker";
import { PassagePicker, type PickedPassage } from "./passage-picker";
import type { PolicyFormLabels } from "./policy-form-labels";
import { useSurvivingAction } from "@/components/ui/kept-form";
import { ConflictPanel, useConflictMerge } from "@/components/live/conflict-merge";
import type { FieldMerge } from "@/lib/merge/three-way";
import { plainTextOfDoc } from "@/lib/editor/doc-text";

type SaveData = { id?: string; version?: number; duplicates?: DuplicateCandidate[] };
export type SaveAction = (state: ActionResult<SaveData> | null, form: FormData) => Promise<ActionResult<SaveData>>;
/** A create or update server action as the pages hold it (its own input and result types). */
export type AnySaveAction = (state: never, form: FormData) => Promise<ActionResult<SaveData>>;
type Option = { value: string; label: string };

export type PolicyFormValues = {
  id?: string;
  version?: number;
  /** Logging from an intake entry: it becomes "logged" with the save. */
  intakeEntryId?: string;
  titleZh: string;
  titleKo: string;
  titleEn: string;
  documentNumber: string;
  instrumentType: string;
  status: string;
  announcedOn: string;
  announcedPrecision: "day" | "month" | "year";
  effectiveOn: string;
  sourceUrl: string;
  lastCheckedOn: string;
  significance: string;
  relation: string;
  summary: RichTextDoc | null;
  issuingBodyIds: string[];
  nodeIds: string[];
  passages: PickedPassage[];
};

/** How each field merges when a save meets someone else's: sets union their changes, the summary merges by paragraph. */
const MERGE_KINDS: Partial<Record<keyof PolicyFormValues, FieldMerge>> = {
  titleZh: "value", titleKo: "value", titleEn: "value", documentNumber: "value", instrumentType: "value", status: "value",
  announcedOn: "value", announcedPrecision: "value", effectiveOn: "value", sourceUrl: "value", lastCheckedOn: "value",
  significance: "value", relation: "value", summary: "doc", issuingBodyIds: "set", nodeIds: "set", passages: "set",
};

const jsonOr = <T,>(text: FormDataEntryValue | null, fallback: T): T => {
  try {
    return typeof text === "string" && text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
};

/** The form's fields as values (what the editor has typed so far). */
function readPolicyForm(form: HTMLFormElement): PolicyFormValues {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "");
  return {
    id: text("id") || undefined,
    version: Number(text("version")) || undefined,
    intakeEntryId: text("intakeEntryId") || undefined,
    titleZh: text("titleZh"), titleKo: text("titleKo"), titleEn: text("titleEn"), documentNumber: text("documentNumber"),
    instrumentType: text("instrumentType"), status: text("status"), announcedOn: text("announcedOn"),
    announcedPrecision: text("announcedPrecision") === "month" ? "month" : "day",
    effectiveOn: text("effectiveOn"), sourceUrl: text("sourceUrl"), lastCheckedOn: text("lastCheckedOn"),
    significance: text("significance"), relation: text("relation"),
    summary: jsonOr<RichTextDoc | null>(data.get("summary"), null),
    issuingBodyIds: data.getAll("issuingBodyIds").map(String),
    nodeIds: data.getAll("nodeIds").map(String),
    passages: jsonOr<PickedPassage[]>(data.get("passages"), []),
  };
}

/**
 * Logs or edits a policy. Submitted without a page reload (the fields keep what was typed when
 * the server refuses); likely duplicates are shown with a "save anyway" button; a stale edit
 * shows where to see the other change and how to reload.
 */
export function PolicyForm({
  action,
  values: initial,
  options,
  dimensions,
  bodies,
  brief,
  labels,
  editorLabels,
  guesses,
}: {
  action: SaveAction;
  values: PolicyFormValues;
  options: { instrumentTypes: Option[]; statuses: Option[]; priorities: Option[]; relations: Option[] };
  dimensions: DimensionOptions[];
  bodies: IssuingBodyView[];
  brief: { text: string } | null;
  labels: PolicyFormLabels;
  editorLabels: EditorLabels;
  /** Fields filled from a page (log from URL): marked as guesses until saved; issuers it named that are not known yet. */
  guesses?: { fields: string[]; label: string; unknownBodies?: string[] };
}) {
  const guessed = (name: string, label: string) => (guesses?.fields.includes(name) ? `${label} · ${guesses.label}` : label);
  const [state, dispatch, pending] = useActionState(useSurvivingAction(action), null);
  const form = useRef<HTMLFormElement>(null);
  const { values, generation, conflict, settle } = useConflictMerge({ state, initial, kinds: MERGE_KINDS, form, read: readPolicyForm });
  const router = useRouter();
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const duplicates = state?.ok ? state.duplicates : undefined;
  const savedId = state?.ok && !state.duplicates ? (state.id ?? values.id) : undefined;

  useEffect(() => {
    if (savedId) router.push(`/policies/${savedId}`);
  }, [savedId, router]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(data));
  }

  const fieldLabels: Record<string, string> = {
    titleZh: labels.titleZh, titleKo: labels.titleKo, titleEn: labels.titleEn, documentNumber: labels.documentNumber,
    instrumentType: labels.instrumentType, status: labels.status, announcedOn: labels.announcedOn, announcedPrecision: labels.announcedPrecision,
    effectiveOn: labels.effectiveOn, sourceUrl: labels.sourceUrl, lastCheckedOn: labels.lastCheckedOn, significance: labels.significance,
    relation: labels.relation, summary: labels.summary,
  };
  const optionLabel: Record<string, Option[]> = { instrumentType: options.instrumentTypes, status: options.statuses, significance: options.priorities, relation: options.relations };
  const show = (field: string, value: unknown) =>
    field === "summary" ? plainTextOfDoc(value as RichTextDoc | null) : (optionLabel[field]?.find((o) => o.value === value)?.label ?? String(value ?? ""));

  const select = (name: keyof PolicyFormValues, label: string, opts: Option[], blank?: string) => (
    <div className="space-y-1">
      <label htmlFor={`field-${name}`} className="block text-sm font-medium text-slate-800">{label}</label>
      <select id={`field-${name}`} name={name} defaultValue={String(values[name] ?? "")} className={inputClass} aria-invalid={errors[name] ? true : undefined}>
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {opts.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      <FieldErrors errors={errors[name]} />
    </div>
  );

  return (
    <form ref={form} onSubmit={submit} noValidate className="space-y-6">
      <div key={generation} className="space-y-6">
      {values.id ? (
        <>
          <input type="hidden" name="id" value={values.id} />
          <input type="hidden" name="version" value={values.version} />
        </>
      ) : null}
      {values.intakeEntryId ? <input type="hidden" name="intakeEntryId" value={values.intakeEntryId} /> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <FormField name="titleZh" label={guessed("titleZh", labels.titleZh)} lang="zh-CN" defaultValue={values.titleZh} required errors={errors.titleZh} />
        <FormField name="titleKo" label={labels.titleKo} lang="ko" defaultValue={values.titleKo} required errors={errors.titleKo} />
        <FormField name="titleEn" label={`${labels.titleEn} (${labels.optional})`} lang="en" defaultValue={values.titleEn} errors={errors.titleEn} />
        <FormField name="documentNumber" label={guessed("documentNumber", labels.documentNumber)} lang="zh-CN" defaultValue={values.documentNumber} errors={errors.documentNumber} />
        {select("instrumentType", guessed("instrumentType", labels.instrumentType), options.instrumentTypes)}
        {select("status", labels.status, options.statuses)}
        <div className="grid grid-cols-2 gap-2">
          <FormField name="announcedOn" type="date" label={guessed("announcedOn", labels.announcedOn)} defaultValue={values.announcedOn} errors={errors.announcedOn} />
          <div className="space-y-1">
            <label htmlFor="field-announcedPrecision" className="block text-sm font-medium text-slate-800">{labels.announcedPrecision}</label>
            <select id="field-announcedPrecision" name="announcedPrecision" defaultValue={values.announcedPrecision === "month" ? "month" : "day"} className={inputClass}>
              <option value="day">{labels.precisionDay}</option>
              <option value="month">{labels.precisionMonth}</option>
            </select>
          </div>
        </div>
        <FormField name="effectiveOn" type="date" label={guessed("effectiveOn", labels.effectiveOn)} defaultValue={values.effectiveOn} errors={errors.effectiveOn} />
        <FormField name="sourceUrl" type="url" label={labels.sourceUrl} defaultValue={values.sourceUrl} placeholder="https://" errors={errors.sourceUrl} />
        <FormField name="lastCheckedOn" type="date" label={labels.lastCheckedOn} defaultValue={values.lastCheckedOn} errors={errors.lastCheckedOn} />
        {select("significance", labels.significance, options.priorities)}
        {select("relation", labels.relation, options.relations, labels.noRelation)}
      </div>

      <IssuingBodyPicker bodies={bodies} selected={values.issuingBodyIds} labels={labels.bodies} errors={errors.issuingBodyIds ?? errors.newIssuingBodies} suggested={guesses?.unknownBodies} />

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{labels.pickNodes}</legend>
        <div className="grid gap-3 md:grid-cols-3">
          {dimensions.map((d) => (
            <fieldset key={d.id} className="rounded-md border border-slate-200 bg-white p-3">
              <legend className="px-1 text-xs font-semibold text-slate-600">{labels.locale === "en" ? d.nameEn : d.nameKo}</legend>
              <ul className="space-y-1">
                {d.nodes.map((n) => (
                  <li key={n.id}>
                    <label className="flex items-start gap-2 text-sm">
                      <input type="checkbox" name="nodeIds" value={n.id} defaultChecked={values.nodeIds.includes(n.id)} className="mt-1" />
                      <span>
                        {labels.locale === "en" ? n.labelEn : n.labelKo}
                        {n.archived ? <span className="ml-1 text-xs text-slate-500">({labels.archivedNode})</span> : null}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          ))}
        </div>
        <FieldErrors errors={errors.nodeIds} />
      </fieldset>

      <RichTextField name="summary" label={labels.summary} labels={editorLabels} defaultValue={values.summary} errors={errors.summary} />

      {brief ? (
        <div>
          <PassagePicker text={brief.text} defaultValue={values.passages} labels={labels.passages} />
          <FieldErrors errors={errors.passages} />
        </div>
      ) : (
        <p className="text-sm text-slate-500">{labels.passages.noBrief}</p>
      )}
      </div>

      {conflict ? (
        <ConflictPanel
          conflict={conflict}
          labels={fieldLabels}
          show={show}
          locale={labels.locale}
          onSettle={settle}
        />
      ) : state && !state.ok ? (
        <FormAlert tone="error">
          {state.code === "conflict" ? (
            <span className="block space-y-2">
              <span className="block">{labels.conflictHint}</span>
              <span className="flex flex-wrap gap-3">
                <Link href={`/policies/${values.id}#history`} target="_blank">{labels.viewHistory}</Link>
                <button type="button" className="underline" onClick={() => window.location.reload()}>{labels.reload}</button>
              </span>
            </span>
          ) : (
            state.formError
          )}
        </FormAlert>
      ) : null}

      {duplicates?.length ? (
        <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <p className="font-medium">{labels.duplicatesTitle}</p>
          <ul className="list-disc space-y-1 pl-5">
            {duplicates.map((d) => (
              <li key={d.id}>
                <Link href={`/policies/${d.id}`} target="_blank" lang="ko">{d.titleKo}</Link>
                {d.titleZh ? <span lang="zh-CN" className="text-amber-800"> · {d.titleZh}</span> : null}
                <span className="text-amber-800"> — {d.reason === "document_number" ? labels.duplicateByNumber : labels.duplicateByTitle}</span>
              </li>
            ))}
          </ul>
          <p>{labels.duplicatesHint}</p>
        </div>
      ) : null}

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">
          {pending ? labels.saving : labels.save}
        </button>
        {duplicates?.length ? (
          <button type="submit" name="confirmDuplicates" value="1" disabled={pending} className="rounded-md border border-amber-400 bg-white px-4 py-2 text-sm font-medium text-amber-900 hover:bg-amber-50">
            {labels.saveAnyway}
          </button>
        ) : null}
        <Link href={values.id ? `/policies/${values.id}` : "/policies"} className="text-sm">{labels.cancel}</Link>
      </div>
    </form>
  );
}
