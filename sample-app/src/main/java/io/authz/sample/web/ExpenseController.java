package io.authz.sample.web;

import java.net.URI;
import java.util.List;

import io.authz.sample.expense.Expense;
import io.authz.sample.expense.ExpenseService;
import io.authz.sample.expense.ExpenseStatus;
import io.authz.sample.expense.NewExpense;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The expense API. It holds no authorization logic: decisions are taken by the policies, through the
 * {@code @Authorize} annotations on {@link ExpenseService}.
 */
@RestController
@RequestMapping("/api/expenses")
public class ExpenseController {

	private final ExpenseService expenses;

	public ExpenseController(ExpenseService expenses) {
		this.expenses = expenses;
	}

	@GetMapping
	public List<ExpenseResponse> list(@RequestParam(required = false) ExpenseStatus status) {
		return this.expenses.list(status).stream().map(ExpenseResponse::from).toList();
	}

	@GetMapping("/{id}")
	public ExpenseResponse read(@PathVariable Long id) {
		return ExpenseResponse.from(this.expenses.read(id));
	}

	@PostMapping
	public ResponseEntity<ExpenseResponse> create(@Valid @RequestBody ExpenseRequest request,
			Authentication authentication) {
		// The token subject: the user, or for an agent the user it acts for
		String owner = (request.owner() != null && !request.owner().isBlank()) ? request.owner()
				: authentication.getName();
		NewExpense expense = this.expenses.prepare(owner, request.amount(), request.currency(),
				request.description());
		Expense created = this.expenses.create(expense);
		return ResponseEntity.created(URI.create("/api/expenses/" + created.getId()))
			.body(ExpenseResponse.from(created));
	}

	@PutMapping("/{id}")
	public ExpenseResponse update(@PathVariable Long id, @Valid @RequestBody ExpenseRequest request) {
		return ExpenseResponse
			.from(this.expenses.update(id, request.amount(), request.currency(), request.description()));
	}

	@PostMapping("/{id}/submit")
	public ExpenseResponse submit(@PathVariable Long id) {
		return ExpenseResponse.from(this.expenses.submit(id));
	}

	@PostMapping("/{id}/approve")
	public ExpenseResponse approve(@PathVariable Long id, Authentication authentication) {
		return ExpenseResponse.from(this.expenses.approve(id, authentication.getName()));
	}

	@PostMapping("/{id}/reject")
	public ExpenseResponse reject(@PathVariable Long id, Authentication authentication) {
		return ExpenseResponse.from(this.expenses.reject(id, authentication.getName()));
	}

	@PostMapping("/{id}/pay")
	public ExpenseResponse pay(@PathVariable Long id) {
		return ExpenseResponse.from(this.expenses.pay(id));
	}

	@DeleteMapping("/{id}")
	public ResponseEntity<Void> delete(@PathVariable Long id) {
		this.expenses.delete(id);
		return ResponseEntity.noContent().build();
	}

}
