import { logger, withoutAddresses } from "~/utils/logger.server";
import { claimDueMail, markFailed, markSent, renderQueued, setQueuedListener } from "./outbox.server";
import type { MailTransport } from "./transport.server";

export type OutboxWorker = {
  /** Sends everything that is due now; resolves when done (used by tests and at shutdown). */
  drain(): Promise<void>;
  stop(): Promise<void>;
};

export function startOutboxWorker(opts: {
  transport: MailTransport;
  from: string;
  messageIdDomain: string;
  pollMs: number;
  maxAttempts: number;
}): OutboxWorker {
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  async function runOnce() {
    for (;;) {
      const batch = await claimDueMail();
      if (batch.length === 0) return;
      for (const mail of batch) {
        try {
          // Mails queued as data are rendered here, outside the request that queued them.
          const { html, text } = await renderQueued(mail);
          await opts.transport.send({
            messageId: `<${mail.id}@${opts.messageIdDomain}>`,
            from: opts.from,
            to: mail.to,
            subject: mail.subject,
            html,
            text,
            attachments: mail.attachments,
          });
          await markSent(mail.id);
        } catch (error) {
          // Never the address or the content: only which row and why (servers name the recipient).
          logger.warn(
            { outboxId: mail.id, attempt: mail.attempts, err: withoutAddresses(String(error)) },
            "mail delivery failed",
          );
          await markFailed(mail, error, opts.maxAttempts);
        }
      }
    }
  }

  function tick(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = runOnce()
      .catch((error) => logger.error({ err: withoutAddresses(String(error)) }, "outbox worker failed"))
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          void tick();
        }
      });
    return running;
  }

  const timer = setInterval(() => void tick(), opts.pollMs);
  timer.unref();
  setQueuedListener(() => void tick());
  void tick();

  return {
    async drain() {
      await tick();
      while (running) await running;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      setQueuedListener(undefined);
      while (running) await running;
      opts.transport.close?.();
    },
  };
}
