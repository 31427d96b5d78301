/** The English catalog of a namespace must have exactly the Korean one's keys. */
export type Catalog<T> = { readonly [K in keyof T]: string };
