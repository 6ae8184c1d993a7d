/** The organisation's logo and name, at the top of the pages customers see and of the ticket widget. */
import type { Brand } from "./organisation-brand.js";

/** Nothing of anyone's without a brand (an address that does not work): then the fallback text. */
export function BrandMark(props: { brand: Brand | undefined; fallback: string }) {
  if (props.brand === undefined) return <span class="brand">{props.fallback}</span>;
  return (
    <span class="brand">
      {props.brand.logoPath !== undefined && <img class="brand-logo" src={props.brand.logoPath} alt="" />}
      <span id="brand-name">{props.brand.name}</span>
    </span>
  );
}
