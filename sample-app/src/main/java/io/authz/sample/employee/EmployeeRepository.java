package io.authz.sample.employee;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Access to {@link Employee employees}.
 */
public interface EmployeeRepository extends JpaRepository<Employee, String> {

}
