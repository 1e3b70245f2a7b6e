import { Link } from "@remix-run/react";
import { SafeForm } from "./form";

/** The form of a confirm page (GET asks, POST does it): the one dangerous button and a way back. */
export function ConfirmForm({
  submitLabel,
  cancelTo,
  cancelLabel,
}: {
  submitLabel: string;
  cancelTo: string;
  cancelLabel: string;
}) {
  return (
    <SafeForm className="reg-actions">
      <button type="submit" className="button button--danger">
        {submitLabel}
      </button>
      <Link to={cancelTo}>{cancelLabel}</Link>
    </SafeForm>
  );
}
