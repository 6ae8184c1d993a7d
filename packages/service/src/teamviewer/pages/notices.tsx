/**
 * One-line outcomes shown at the top of a page after a redirect (`?notice=…`). Only names from
 * a fixed list are honoured, so a crafted link cannot put text of its choice on our pages.
 */
import type { MessageKey, Translator } from "../../i18n/index.js";

export interface NoticeDefinition {
  message: MessageKey;
  isProblem: boolean;
}

export function readNotice<N extends string>(
  definitions: Record<N, NoticeDefinition>,
  name: string | undefined,
): NoticeDefinition | undefined {
  return name !== undefined && Object.hasOwn(definitions, name) ? definitions[name as N] : undefined;
}

export function Notice(props: { t: Translator; notice: NoticeDefinition | undefined }) {
  if (props.notice === undefined) return null;
  const text = props.t.t(props.notice.message);
  return props.notice.isProblem ? (
    <p class="form-error" role="alert">
      {text}
    </p>
  ) : (
    <p class="notice-ok" role="status">
      {text}
    </p>
  );
}
