import { createContext, useContext } from "react";

/** The per-request CSP nonce, given by the Express server; empty in the browser. */
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
