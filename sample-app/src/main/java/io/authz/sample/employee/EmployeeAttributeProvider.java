package io.authz.sample.employee;

import java.util.LinkedHashMap;
import java.util.Map;

import io.authz.core.model.Principal;
import io.authz.core.model.PrincipalType;
import io.authz.core.pip.PrincipalAttributeProvider;
import io.authz.core.pip.PrincipalAttributes;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A policy information point for employees: adds what policies need to know about a user who is on the staff,
 * {@code department} and {@code approvalLimit}, read from the {@code employee} table. The starter calls it for the
 * principal of every check and for the user an agent acts for, caches the answers ({@code authz.pip.cache-ttl}) and
 * denies the check if the database does not answer in time ({@code authz.pip.timeout}).
 */
@Component
public class EmployeeAttributeProvider implements PrincipalAttributeProvider {

	private final JdbcClient jdbc;

	public EmployeeAttributeProvider(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public PrincipalAttributes attributes(Principal principal) {
		// Services and agents are not staff, even if an id happens to match an employee
		if (principal.type() != PrincipalType.USER) {
			return null;
		}
		return this.jdbc.sql("SELECT department, approval_limit FROM employee WHERE id = ?")
			.param(principal.id())
			.query((row, number) -> {
				Map<String, Object> attributes = new LinkedHashMap<>();
				attributes.put("department", row.getString("department"));
				attributes.put("approvalLimit", row.getBigDecimal("approval_limit").doubleValue());
				return PrincipalAttributes.of(attributes);
			})
			.optional()
			.orElse(null);
	}

}
