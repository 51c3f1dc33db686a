package io.authz.sample.expense;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.authz.core.check.Authorizer;
import io.authz.core.model.CheckRequest;
import io.authz.core.model.CheckResult;
import io.authz.core.model.Principal;
import io.authz.core.model.Resource;
import io.authz.core.model.ResourceCheck;
import io.authz.sample.employee.Employee;
import io.authz.sample.employee.EmployeeRepository;
import io.authz.spring.method.Authorize;
import io.authz.spring.principal.PrincipalResolver;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Expense use cases. Every method that touches a single expense is guarded by {@link Authorize @Authorize}: the
 * action defaults to the method name and the resource attributes come from the stored expense, so the policy sees
 * the expense as it is before the change.
 */
@Service
public class ExpenseService {

	static final String RESOURCE = "expense";

	private final ExpenseRepository expenses;

	private final EmployeeRepository employees;

	private final ExpenseAttributes attributes;

	private final Authorizer authorizer;

	private final PrincipalResolver principalResolver;

	public ExpenseService(ExpenseRepository expenses, EmployeeRepository employees, ExpenseAttributes attributes,
			Authorizer authorizer, PrincipalResolver principalResolver) {
		this.expenses = expenses;
		this.employees = employees;
		this.attributes = attributes;
		this.authorizer = authorizer;
		this.principalResolver = principalResolver;
	}

	/**
	 * The expenses the current principal may read, optionally only those in one status. One batched check decides
	 * all of them.
	 * @param status the status to keep, or {@code null} for all
	 * @return the readable expenses, by id
	 */
	@Transactional(readOnly = true)
	public List<Expense> list(ExpenseStatus status) {
		List<Expense> candidates = (status != null) ? this.expenses.findByStatusOrderByIdAsc(status)
				: this.expenses.findAllByOrderByIdAsc();
		if (candidates.isEmpty()) {
			return candidates;
		}
		Principal principal = this.principalResolver.resolve(SecurityContextHolder.getContext().getAuthentication());
		List<ResourceCheck> checks = candidates.stream()
			.map((expense) -> ResourceCheck.of(resource(expense), "read"))
			.toList();
		CheckResult result = this.authorizer.check(new CheckRequest(null, principal, checks, Map.of()));
		List<Expense> readable = new ArrayList<>();
		for (int i = 0; i < candidates.size(); i++) {
			if (result.results().get(i).isAllowed("read")) {
				readable.add(candidates.get(i));
			}
		}
		return readable;
	}

	@Transactional(readOnly = true)
	@Authorize(resource = RESOURCE, id = "#id", attributes = "@expenseAttributes.of(#id)")
	public Expense read(Long id) {
		return find(id);
	}

	/**
	 * Prepares an expense for {@link #create(NewExpense)}: looks up the owner's department.
	 * @param owner the employee the expense is for
	 * @param amount the amount
	 * @param currency the currency code
	 * @param description the description
	 * @return the new expense
	 * @throws InvalidExpenseException when the owner is not an employee
	 */
	@Transactional(readOnly = true)
	public NewExpense prepare(String owner, BigDecimal amount, String currency, String description) {
		Employee employee = this.employees.findById(owner)
			.orElseThrow(() -> new InvalidExpenseException("Unknown employee '" + owner + "'"));
		return new NewExpense(employee.getId(), employee.getDepartment(), amount, currency, description);
	}

	@Transactional
	@Authorize(resource = RESOURCE, id = "'new'", attributes = "@expenseAttributes.ofNew(#expense)")
	public Expense create(NewExpense expense) {
		return this.expenses.save(new Expense(expense.owner(), expense.department(), expense.amount(),
				expense.currency(), expense.description()));
	}

	@Transactional
	@Authorize(resource = RESOURCE, id = "#id", attributes = "@expenseAttributes.of(#id)")
	public Expense update(Long id, BigDecimal amount, String currency, String description) {
		Expense expense = find(id);
		expense.change(amount, currency, description);
		return expense;
	}

	@Transactional
	@Authorize(resource = RESOURCE, id = "#id", attributes = "@expenseAttributes.of(#id)")
	public Expense submit(Long id) {
		Expense expense = find(id);
		expense.submit();
		return expense;
	}

	@Transactional
	@Authorize(resource = RESOURCE, id = "#id", attributes = "@expenseAttributes.of(#id)")
	public Expense approve(Long id, String reviewer) {
		Expense expense = find(id);
		expense.approve(reviewer);
		return expense;
	}

	@Transactional
	@Authorize(resource = RESOURCE, id = "#id", attributes = "@expenseAttributes.of(#id)")
	public Expense reject(Long id, String reviewer) {
		Expense expense = find(id);
		expense.reject(reviewer);
		return expense;
	}

	@Transactional
	@Authorize(resource = RESOURCE, id = "#id", attributes = "@expenseAttributes.of(#id)")
	public Expense pay(Long id) {
		Expense expense = find(id);
		expense.pay();
		return expense;
	}

	@Transactional
	@Authorize(resource = RESOURCE, id = "#id", attributes = "@expenseAttributes.of(#id)")
	public void delete(Long id) {
		Expense expense = find(id);
		expense.checkDeletable();
		this.expenses.delete(expense);
	}

	private Expense find(Long id) {
		return this.expenses.findById(id).orElseThrow(() -> new ExpenseNotFoundException(id));
	}

	private Resource resource(Expense expense) {
		return Resource.builder(RESOURCE, String.valueOf(expense.getId()))
			.attributes(this.attributes.of(expense))
			.build();
	}

}
