"use server";

import { headers } from "next/headers";
import { publicAction } from "@/lib/actions/validated-action";
import { clientAddress } from "@/lib/security/client-address";
import { requestPasswordReset } from "@/lib/users/password-reset";
import { requestPasswordResetSchema } from "@/lib/users/schemas";

/**
 * "Forgot password": mails a reset link when the address has an active account. No session is
 * needed, and the answer is the same either way; the verb rate-limits per address and per client.
 */
export const requestPasswordResetAction = publicAction({ schema: requestPasswordResetSchema }, async (input) => {
  await requestPasswordReset({ input, clientAddress: clientAddress(await headers()) });
  return { sent: true };
});
