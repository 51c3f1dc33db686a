package io.authz.sample.security;

import io.authz.core.model.Principal;
import io.authz.core.model.PrincipalType;
import io.authz.sample.employee.Employee;
import io.authz.sample.employee.EmployeeRepository;
import io.authz.spring.principal.PrincipalResolver;

import org.springframework.security.core.Authentication;

/**
 * Adds what policies need to know about an employee, {@code department} and {@code approvalLimit}, to the principal
 * resolved from the security context. For an agent the user it acts for gets them, so that policies can compare the
 * expense with that user.
 */
public class EmployeePrincipalResolver implements PrincipalResolver {

	private final PrincipalResolver delegate;

	private final EmployeeRepository employees;

	public EmployeePrincipalResolver(PrincipalResolver delegate, EmployeeRepository employees) {
		this.delegate = delegate;
		this.employees = employees;
	}

	@Override
	public Principal resolve(Authentication authentication) {
		Principal principal = this.delegate.resolve(authentication);
		if (principal.actingFor() != null) {
			principal = principal.toBuilder().actingFor(withEmployeeAttributes(principal.actingFor())).build();
		}
		return withEmployeeAttributes(principal);
	}

	private Principal withEmployeeAttributes(Principal principal) {
		// Services and agents are not staff, even if an id happens to match an employee
		if (principal.type() != PrincipalType.USER) {
			return principal;
		}
		return this.employees.findById(principal.id())
			.map((employee) -> withEmployeeAttributes(principal, employee))
			.orElse(principal);
	}

	private static Principal withEmployeeAttributes(Principal principal, Employee employee) {
		return principal.toBuilder()
			.attribute("department", employee.getDepartment())
			.attribute("approvalLimit", employee.getApprovalLimit().doubleValue())
			.build();
	}

}
