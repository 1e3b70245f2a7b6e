import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { UnsavedChanges } from "~/components/unsaved-changes";
import { useT } from "~/i18n/i18n";
import { moderatesAny } from "~/modules/overview/overview.server";
import { requireUser } from "~/server/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // Coordinators see "Fachinputs" only when an organiser made them moderators.
  const moderates = user.role === "organiser" || (await moderatesAny(user.id));
  return { user: { name: user.name, role: user.role }, moderates };
}

/** The organisers' and coordinators' area: every child route runs its own guard as well. */
export default function AdminLayout() {
  const t = useT();
  const { user, moderates } = useLoaderData<typeof loader>();
  return (
    <div className="admin">
      <nav aria-label={t("admin.title")} className="admin-nav">
        <ul>
          <li>
            <NavLink to="/verwaltung" end>
              {t("admin.title")}
            </NavLink>
          </li>
          {user.role === "organiser" ? (
            <li>
              <NavLink to="/verwaltung/konferenzen">{t("admin.conferences")}</NavLink>
            </li>
          ) : null}
          <li>
            <NavLink to="/verwaltung/arbeitskreise">{t("nav.groupsAdmin")}</NavLink>
          </li>
          {user.role === "organiser" ? (
            <li>
              <NavLink to="/verwaltung/berichte">{t("nav.reportsAdmin")}</NavLink>
            </li>
          ) : null}
          {moderates ? (
            <li>
              <NavLink to="/verwaltung/fachinputs">{t("discussion.inputs")}</NavLink>
            </li>
          ) : null}
          <li>
            <NavLink to="/verwaltung/ziele">{t("nav.goals")}</NavLink>
          </li>
          {user.role === "organiser" ? (
            <li>
              <NavLink to="/verwaltung/monitoring">{t("monitoringAdmin.nav")}</NavLink>
            </li>
          ) : null}
          {user.role === "organiser" ? (
            <li>
              <NavLink to="/verwaltung/dokumente">{t("library.admin.title")}</NavLink>
            </li>
          ) : null}
          {user.role === "organiser" ? (
            <li>
              <NavLink to="/verwaltung/dokumentation">{t("doc.admin.title")}</NavLink>
            </li>
          ) : null}
          {user.role === "organiser" ? (
            <li>
              <NavLink to="/verwaltung/postausgang">{t("admin.outbox")}</NavLink>
            </li>
          ) : null}
          {user.role === "organiser" ? (
            <li>
              <NavLink to="/verwaltung/protokoll">{t("audit.title")}</NavLink>
            </li>
          ) : null}
          {user.role === "organiser" ? (
            <li>
              <NavLink to="/verwaltung/barrierefreiheit">{t("a11y.admin.title")}</NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
      <div className="admin-main">
        <UnsavedChanges />
        <Outlet />
      </div>
    </div>
  );
}
