package io.authz.core.embedded;

/** What the engine does when request attributes do not match the schemas a resource policy declares. */
public enum SchemaEnforcement {

	/** Do not validate. */
	NONE,

	/** Validate, report the errors in the result, decide as usual. */
	WARN,

	/** Validate; any error denies every action asked. */
	REJECT

}
