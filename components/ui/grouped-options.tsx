"use client";

/** Groups of `[value, label]` choices: `[group label, choices]`. */
export type OptionGroups = [string, [string, string][]][];

/**
 * A long select's `<optgroup>`s and `<option>`s from compact tuples. Rendered on the server like
 * any markup; as a client component, the page's payload carries each choice once as two strings
 * instead of as two elements with their props (hundreds of framework nodes in every filter form).
 */
export function GroupedOptions({ groups }: { groups: OptionGroups }) {
  return groups.map(([group, options], i) => (
    <optgroup key={i} label={group}>
      {options.map(([value, label], j) => (
        <option key={j} value={value}>
          {label}
        </option>
      ))}
    </optgroup>
  ));
}
