/**
 * /users: the admins' page to list, create and change accounts. Each row's forms post to
 * /users/:id/…; a rejected change re-renders the page with the message next to that row.
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import { listUsers, type User } from "../db/repositories/users.js";
import { userRoles } from "../db/schema.js";
import {
  type FieldErrors,
  FormError,
  type FormValues,
  readForm,
  SelectField,
  SuccessNotice,
} from "../web/forms.js";
import { CsrfField } from "../web/layout.js";
import { roleLabelKeys } from "../web/role-labels.js";
import { DisplayNameField, EmailField, PasswordField } from "./account-fields.js";
import { clientAddressOf } from "./client-address.js";
import type { SignedInEnv } from "./current-session.js";
import { displayNameSchema, emailSchema, roleSchema } from "./form-schemas.js";
import { dbDeps, type IdentityDeps } from "./identity-deps.js";
import {
  type AdminActor,
  changeUserRole,
  createUserAsAdmin,
  resetUserPassword,
  setUserDisabled,
  type UserChangeResult,
} from "./manage-users.js";
import { newPasswordSchema } from "./password-rules.js";
import { requireRole } from "./require-user.js";

const createSchema = z.object({
  displayName: displayNameSchema,
  email: emailSchema,
  role: roleSchema,
  password: newPasswordSchema,
});
const roleFormSchema = z.object({ role: roleSchema });
const statusFormSchema = z.object({ isDisabled: z.enum(["true", "false"], { error: "forms.invalid" }) });
const passwordFormSchema = z.object({ password: newPasswordSchema });

interface UsersPageState {
  createForm?: { values: FormValues; errors?: FieldErrors; message?: string };
  rowError?: { userId: string; message: string };
  isSaved?: boolean;
}

type UsersContext = Context<SignedInEnv>;

export function createUsersRoutes(deps: IdentityDeps): Hono<SignedInEnv> {
  const routes = new Hono<SignedInEnv>();
  const admin = requireRole("admin");
  const actorOf = (c: UsersContext): AdminActor => ({
    user: c.get("user"),
    ip: clientAddressOf(c),
    userAgent: c.req.header("user-agent") ?? null,
  });
  const render = async (c: UsersContext, state: UsersPageState) =>
    renderUsersPage(c, await listUsers(deps.database.db, c.get("user").organisationId), state);

  routes.get("/users", admin, (c) => render(c, { isSaved: c.req.query("saved") === "1" }));

  routes.post("/users", admin, async (c) => {
    const form = await readForm(c, createSchema);
    if (!form.isValid) {
      c.status(422);
      return render(c, { createForm: form });
    }
    const result = await createUserAsAdmin(dbDeps(deps), actorOf(c), form.data);
    if (result !== "done") {
      c.status(409);
      return render(c, { createForm: { values: form.values, errors: { email: "users.emailTaken" } } });
    }
    return c.redirect("/users?saved=1", 303);
  });

  const rowAction =
    <S extends z.ZodType>(
      schema: S,
      apply: (c: UsersContext, data: z.output<S>) => Promise<UserChangeResult>,
    ) =>
    async (c: UsersContext) => {
      const userId = c.req.param("id") ?? "";
      const form = await readForm(c, schema);
      const result = form.isValid ? await apply(c, form.data) : undefined;
      if (result === "done") return c.redirect("/users?saved=1", 303);
      const { t } = c.get("t");
      const firstError = form.isValid ? undefined : Object.values(form.errors)[0];
      c.status(result === undefined ? 422 : result === "not-found" ? 404 : 409);
      const message =
        result === "last-admin"
          ? t("users.lastAdmin")
          : result === "not-found"
            ? t("error.notFound")
            : t(firstError ?? "forms.invalid");
      return render(c, { rowError: { userId, message } });
    };

  // The id must look like a uuid before it reaches the database, which would reject it with a 500.
  const uuidPath = "/users/:id{[0-9a-fA-F-]{36}}";
  routes.post(
    `${uuidPath}/role`,
    admin,
    rowAction(roleFormSchema, (c, data) =>
      changeUserRole(dbDeps(deps), actorOf(c), c.req.param("id") ?? "", data.role),
    ),
  );
  routes.post(
    `${uuidPath}/status`,
    admin,
    rowAction(statusFormSchema, (c, data) =>
      setUserDisabled(dbDeps(deps), actorOf(c), c.req.param("id") ?? "", data.isDisabled === "true"),
    ),
  );
  routes.post(
    `${uuidPath}/password`,
    admin,
    rowAction(passwordFormSchema, (c, data) =>
      resetUserPassword(dbDeps(deps), actorOf(c), c.req.param("id") ?? "", data.password),
    ),
  );
  return routes;
}

function renderUsersPage(c: UsersContext, users: User[], state: UsersPageState) {
  const t = c.get("t");
  const roleOptions = userRoles.map((role) => ({ value: role, label: t.t(roleLabelKeys[role]) }));
  const create = state.createForm ?? { values: { role: "supporter" } };
  return c.render(
    <>
      <SuccessNotice message={state.isSaved ? t.t("users.saved") : undefined} />
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.t("fields.displayName")}</th>
              <th scope="col">{t.t("fields.email")}</th>
              <th scope="col">{t.t("fields.role")}</th>
              <th scope="col">{t.t("users.status")}</th>
              <th scope="col">{t.t("users.resetPassword")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr id={`user-${user.id}`}>
                <td>
                  {user.displayName || "—"}
                  {state.rowError?.userId === user.id && <FormError message={state.rowError.message} />}
                </td>
                <td>{user.email}</td>
                <td>
                  <form method="post" action={`/users/${user.id}/role`} class="inline-form">
                    <CsrfField />
                    <label class="muted" for={`role-${user.id}`}>
                      {t.t("fields.role")}
                    </label>
                    <select id={`role-${user.id}`} name="role">
                      {roleOptions.map((option) => (
                        <option value={option.value} selected={option.value === user.role}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                    <button type="submit" class="secondary">
                      {t.t("common.save")}
                    </button>
                  </form>
                </td>
                <td>
                  <form method="post" action={`/users/${user.id}/status`} class="inline-form">
                    <CsrfField />
                    <span>{t.t(user.isDisabled ? "users.disabled" : "users.active")}</span>
                    <input type="hidden" name="isDisabled" value={user.isDisabled ? "false" : "true"} />
                    <button type="submit" class="secondary">
                      {t.t(user.isDisabled ? "users.enable" : "users.disable")}
                    </button>
                  </form>
                </td>
                <td>
                  <form method="post" action={`/users/${user.id}/password`} class="inline-form">
                    <CsrfField />
                    <label class="muted" for={`password-${user.id}`}>
                      {t.t("users.newPassword")}
                    </label>
                    <input
                      id={`password-${user.id}`}
                      name="password"
                      type="password"
                      autocomplete="new-password"
                    />
                    <button type="submit" class="secondary">
                      {t.t("users.resetPassword")}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form method="post" action="/users" class="panel narrow" novalidate>
        <h2>{t.t("users.addTitle")}</h2>
        <CsrfField />
        <FormError message={create.message} />
        <DisplayNameField t={t} form={create} />
        <EmailField t={t} form={create} />
        <SelectField
          t={t}
          name="role"
          label={t.t("fields.role")}
          options={roleOptions}
          value={create.values.role}
          error={create.errors?.role}
        />
        <PasswordField t={t} form={create} name="password" label={t.t("users.initialPassword")} isNew />
        <button type="submit">{t.t("users.create")}</button>
      </form>
    </>,
    { title: t.t("users.title") },
  );
}
