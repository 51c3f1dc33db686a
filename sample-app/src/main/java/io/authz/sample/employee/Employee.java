package io.authz.sample.employee;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/**
 * A member of staff. The id is the login name, so that it matches the authenticated principal.
 */
@Entity
public class Employee {

	@Id
	private String id;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String department;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private EmployeeRole role;

	@Column(nullable = false, precision = 12, scale = 2)
	private BigDecimal approvalLimit;

	protected Employee() {
	}

	public Employee(String id, String name, String department, EmployeeRole role, BigDecimal approvalLimit) {
		this.id = id;
		this.name = name;
		this.department = department;
		this.role = role;
		this.approvalLimit = approvalLimit;
	}

	public String getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getDepartment() {
		return this.department;
	}

	public EmployeeRole getRole() {
		return this.role;
	}

	public BigDecimal getApprovalLimit() {
		return this.approvalLimit;
	}

}
