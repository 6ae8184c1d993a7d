/**
 * The operator's pages (issue #25): signing in with an operator key, and the installation's
 * organisations with their counts and the forms to create, rename, disable and enable them.
 * English only, like the API reference: the operator is whoever runs the installation. Nothing
 * of an organisation's data appears beyond its name, state and counts.
 */
import type { Translator } from "../../i18n/index.js";
import { DataTable, type TableColumn } from "../../web/data-table.js";
import { FormError, SuccessNotice, TextField } from "../../web/forms.js";
import { CsrfField } from "../../web/layout.js";
import type { OrganisationSummary } from "../manage-organisations.js";

export const operatorPath = "/operator";
export const operatorSignInPath = "/operator/sign-in";
export const operatorSignOutPath = "/operator/sign-out";
export const operatorOrganisationsPath = "/operator/organisations";

/** `t` only serves the kit's fields; the operator's texts are English (see above). */
export function OperatorSignInPage(props: { t: Translator; error?: string | undefined }) {
  return (
    <>
      <h1>Operator sign-in</h1>
      <p>
        Sign in with an operator key to manage this installation's organisations. Whoever runs the
        installation makes one with <code>attendant operator-keys create --name &lt;name&gt;</code>.
      </p>
      <FormError message={props.error} />
      <form method="post" action={operatorSignInPath} class="card">
        <CsrfField />
        <TextField
          t={props.t}
          name="operatorKey"
          label="Operator key"
          type="password"
          autocomplete="off"
          isRequired
        />
        <button type="submit">Sign in</button>
      </form>
    </>
  );
}

export interface OperatorPageState {
  notice?: string | undefined;
  error?: string | undefined;
  /** The organisation just created and its first admin's one-time sign-in link, shown once. */
  created?: { name: string; adminEmail: string; signInUrl: string; minutes: number } | undefined;
  /** What the create form held when it was refused. */
  createValues?: { name: string; adminEmail: string; adminName: string } | undefined;
}

export function OperatorPage(props: {
  t: Translator;
  organisations: readonly OrganisationSummary[];
  operatorLabel: string;
  state: OperatorPageState;
}) {
  const { state } = props;
  const columns: TableColumn<OrganisationSummary>[] = [
    { header: "Name", cell: (organisation) => <RenameForm organisation={organisation} /> },
    {
      header: "Enabled",
      cell: (organisation) =>
        organisation.disabledAt === null ? "Yes" : `No, disabled ${organisation.disabledAt.toISOString()}`,
    },
    { header: "Users", cell: (organisation) => String(organisation.userCount) },
    { header: "Sessions", cell: (organisation) => String(organisation.sessionCount) },
    { header: "Created", cell: (organisation) => organisation.createdAt.toISOString() },
    { header: "", cell: (organisation) => <SwitchForm organisation={organisation} /> },
  ];
  return (
    <>
      <h1>Organisations</h1>
      <div class="muted">
        Signed in as <code>{props.operatorLabel}</code>.{" "}
        <form method="post" action={operatorSignOutPath} class="inline-form">
          <CsrfField />
          <button type="submit" class="link-button">
            Sign out
          </button>
        </form>
      </div>
      <SuccessNotice message={state.notice} />
      <FormError message={state.error} />
      {state.created && (
        <div class="card" role="status">
          <p>
            Created “{state.created.name}” with the admin {state.created.adminEmail}. Give them this sign-in
            link; it works once, within {state.created.minutes} minutes, and they then set a password:
          </p>
          <p>
            <code>{state.created.signInUrl}</code>
          </p>
        </div>
      )}
      <DataTable
        columns={columns}
        rows={props.organisations}
        rowId={(organisation) => `organisation-${organisation.id}`}
        empty="There are no organisations."
      />
      <h2>Create an organisation</h2>
      <form method="post" action={operatorOrganisationsPath} class="card">
        <CsrfField />
        <TextField
          t={props.t}
          name="name"
          label="Name (shown to its end customers)"
          value={state.createValues?.name}
          isRequired
        />
        <TextField
          t={props.t}
          name="adminEmail"
          label="First admin's e-mail address"
          type="email"
          value={state.createValues?.adminEmail}
          isRequired
        />
        <TextField
          t={props.t}
          name="adminName"
          label="First admin's name (optional)"
          value={state.createValues?.adminName}
        />
        <button type="submit">Create</button>
      </form>
    </>
  );
}

function RenameForm(props: { organisation: OrganisationSummary }) {
  const { organisation } = props;
  const id = `rename-${organisation.id}`;
  return (
    <form method="post" action={`${operatorOrganisationsPath}/${organisation.id}/rename`} class="inline-form">
      <CsrfField />
      <label for={id} class="visually-hidden">
        Name of {organisation.name}
      </label>
      <input id={id} name="name" type="text" value={organisation.name} required />
      <button type="submit">Rename</button>
    </form>
  );
}

function SwitchForm(props: { organisation: OrganisationSummary }) {
  const { organisation } = props;
  const disable = organisation.disabledAt === null;
  return (
    <form
      method="post"
      action={`${operatorOrganisationsPath}/${organisation.id}/${disable ? "disable" : "enable"}`}
      class="inline-form"
    >
      <CsrfField />
      <button type="submit">
        {disable ? `Disable ${organisation.name}` : `Enable ${organisation.name}`}
      </button>
    </form>
  );
}
