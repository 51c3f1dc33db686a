package io.authz.core.check;

/**
 * Told about every check the {@link Authorizer} makes, after it is decided: the hook for audit, metrics and
 * logging. Listeners run on the caller's thread and must not throw; a listener that throws is logged and ignored.
 */
@FunctionalInterface
public interface CheckListener {

	void onCheck(CheckEvent event);

}
