package io.authz.sample.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.authz.sample.expense.Expense;
import io.authz.sample.expense.ExpenseRepository;
import io.authz.sample.expense.ExpenseStatus;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Expense totals per department. Unlike the expense API this controller carries no {@code @Authorize}: the request
 * is authorized before it gets here, by the HTTP rule for {@code /api/departments/{department}/summary} in
 * {@code application.yml} (resource {@code department}, action {@code read}), applied by the security filter chain.
 */
@RestController
public class DepartmentController {

	private final ExpenseRepository expenses;

	public DepartmentController(ExpenseRepository expenses) {
		this.expenses = expenses;
	}

	@GetMapping("/api/departments/{department}/summary")
	@Transactional(readOnly = true)
	public Map<String, Object> summary(@PathVariable String department) {
		List<Expense> all = this.expenses.findByDepartmentOrderByIdAsc(department);
		Map<String, Object> byStatus = new LinkedHashMap<>();
		for (ExpenseStatus status : ExpenseStatus.values()) {
			List<Expense> inStatus = all.stream().filter((expense) -> expense.getStatus() == status).toList();
			BigDecimal total = inStatus.stream().map(Expense::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
			Map<String, Object> totals = new LinkedHashMap<>();
			totals.put("count", inStatus.size());
			totals.put("total", total);
			byStatus.put(status.name(), totals);
		}
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("department", department);
		summary.put("expenses", all.size());
		summary.put("byStatus", byStatus);
		return summary;
	}

}
