/**
 * Names on the broker. One stream per producing service (`ORDERS` holds `orders.>`), an event's
 * subject is its type. An optional namespace prefixes both (`T1A2B_ORDERS`, `t1a2b.orders.>`) so
 * that tests, or several hubs on one broker, never share a stream.
 */
export interface Naming {
  readonly namespace: string | undefined;
  /** `ORDERS` for `orders`. */
  readonly streamName: (service: string) => string;
  /** Subjects the service's stream captures. */
  readonly streamSubject: (service: string) => string;
  /** The subject an event type is published on. */
  readonly subjectOf: (type: string) => string;
  /** The event type carried on a subject. */
  readonly typeOf: (subject: string) => string;
}

const SERVICE = /^[a-z]+$/;
const NAMESPACE = /^[a-z0-9]+$/;

/** Validates `name` as a service name (the first token of its event types). */
export function assertServiceName(name: string): void {
  if (!SERVICE.test(name))
    throw new Error(`invalid service name "${name}": lowercase letters only`);
}

/** Builds the naming scheme for an optional namespace (lowercase letters and digits). */
export function naming(namespace?: string): Naming {
  if (namespace !== undefined && !NAMESPACE.test(namespace)) {
    throw new Error(`invalid bus namespace "${namespace}": lowercase letters and digits only`);
  }
  const prefix = namespace === undefined ? "" : `${namespace}.`;
  return {
    namespace,
    streamName: (service) => {
      assertServiceName(service);
      return (namespace === undefined ? service : `${namespace}_${service}`).toUpperCase();
    },
    streamSubject: (service) => {
      assertServiceName(service);
      return `${prefix}${service}.>`;
    },
    subjectOf: (type) => `${prefix}${type}`,
    typeOf: (subject) => (subject.startsWith(prefix) ? subject.slice(prefix.length) : subject),
  };
}
