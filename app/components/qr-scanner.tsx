import { useEffect, useRef, useState } from "react";
import { useT } from "~/i18n/i18n";

type Detector = { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };
declare global {
  interface Window {
    BarcodeDetector?: new (opts: { formats: string[] }) => Detector;
  }
}

/**
 * Scans QR codes with the camera where the browser can (BarcodeDetector); elsewhere it says so and
 * the search form stays the way in. Only codes for this site's check-in path are followed.
 */
export function QrScanner({ pathPrefix }: { pathPrefix: string }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<"idle" | "scanning" | "unsupported">("idle");

  useEffect(() => {
    if (state !== "scanning" || !window.BarcodeDetector) return;
    const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" } })
      .then((s) => {
        stream = s;
        if (!video.current) return;
        video.current.srcObject = s;
        void video.current.play();
        timer = setInterval(async () => {
          if (!video.current) return;
          const codes = await detector.detect(video.current).catch(() => []);
          for (const code of codes) {
            try {
              const url = new URL(code.rawValue, window.location.href);
              if (url.origin === window.location.origin && url.pathname.startsWith(pathPrefix)) {
                window.location.assign(url.pathname);
                return;
              }
            } catch {
              /* not a URL */
            }
          }
        }, 300);
      })
      .catch(() => setState("unsupported"));
    return () => {
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [state, pathPrefix]);

  return (
    <div className="qr-scanner">
      {state === "scanning" ? (
        <>
          <p aria-live="polite">{t("checkin.scanHint")}</p>
          <video ref={video} muted playsInline className="qr-scanner__video" aria-label={t("checkin.scanHint")} />
          <button type="button" className="button button--secondary" onClick={() => setState("idle")}>
            {t("checkin.scanStop")}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setState(window.BarcodeDetector && "mediaDevices" in navigator ? "scanning" : "unsupported")}
        >
          {t("checkin.scan")}
        </button>
      )}
      {state === "unsupported" ? <p role="status">{t("checkin.scanUnsupported")}</p> : null}
    </div>
  );
}
