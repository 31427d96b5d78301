/**
 * The fake request that `next/headers` returns in integration tests of server actions. No
 * imports on purpose: the `next/headers` mock factory loads this module while next-auth (which
 * imports `next/headers`) may still be loading.
 */
export const request = {
  headers: new Headers(),
  cookies: new Map<string, string>(),
};

export const nextHeadersMock = {
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
    delete: (name: string) => void request.cookies.delete(name),
  }),
};
