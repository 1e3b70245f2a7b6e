import { createContext, useContext } from "react";

/** The CSP nonce of this response: rendered into every script tag Remix writes. */
export const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
