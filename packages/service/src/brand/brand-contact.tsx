/** The organisation's support contact and legal link, at the foot of the pages customers see. */
import type { Translator } from "../i18n/index.js";
import type { Brand } from "./organisation-brand.js";

export function BrandContact(props: { t: Translator; brand: Brand }) {
  const { t } = props.t;
  const { supportPhone, supportEmail, supportUrl, legalUrl } = props.brand;
  if (supportPhone === null && supportEmail === null && supportUrl === null && legalUrl === null) return null;
  return (
    <footer class="join-footer" id="brand-contact">
      {(supportPhone !== null || supportEmail !== null || supportUrl !== null) && (
        <p>
          <strong>{t("brand.contact.title")}:</strong>{" "}
          {supportPhone !== null && (
            <span>
              {t("brand.contact.phone")}{" "}
              <a href={`tel:${supportPhone.replace(/[^+0-9]/g, "")}`}>{supportPhone}</a>{" "}
            </span>
          )}
          {supportEmail !== null && (
            <span>
              {t("brand.contact.email")} <a href={`mailto:${supportEmail}`}>{supportEmail}</a>{" "}
            </span>
          )}
          {supportUrl !== null && (
            <span>
              {t("brand.contact.web")}{" "}
              <a href={supportUrl} rel="noreferrer">
                {supportUrl}
              </a>
            </span>
          )}
        </p>
      )}
      {legalUrl !== null && (
        <p>
          <a href={legalUrl} rel="noreferrer">
            {t("brand.legal")}
          </a>
        </p>
      )}
    </footer>
  );
}
