package io.authz.sample.employee;

/**
 * An employee's position in the organisation.
 */
public enum EmployeeRole {

	/** Files expenses. */
	EMPLOYEE,

	/** Files expenses and approves those of their department up to an approval limit. */
	MANAGER

}
