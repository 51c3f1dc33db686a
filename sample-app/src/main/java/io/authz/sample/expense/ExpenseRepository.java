package io.authz.sample.expense;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Access to {@link Expense expenses}.
 */
public interface ExpenseRepository extends JpaRepository<Expense, Long> {

	List<Expense> findAllByOrderByIdAsc();

	List<Expense> findByStatusOrderByIdAsc(ExpenseStatus status);

	List<Expense> findByDepartmentOrderByIdAsc(String department);

}
