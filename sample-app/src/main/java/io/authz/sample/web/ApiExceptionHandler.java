package io.authz.sample.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.authz.sample.expense.ExpenseNotFoundException;
import io.authz.sample.expense.ExpenseStateException;
import io.authz.sample.expense.InvalidExpenseException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers errors with RFC 9457 problem details: Spring MVC's own exceptions, invalid request bodies (listing the
 * fields at fault) and the application's exceptions. Authorization denials are left to the starter, which answers
 * them with 403 problem details of its own.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler
	ProblemDetail notFound(ExpenseNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Expense not found", ex);
	}

	@ExceptionHandler
	ProblemDetail conflict(ExpenseStateException ex) {
		return problem(HttpStatus.CONFLICT, "Invalid status change", ex);
	}

	@ExceptionHandler
	ProblemDetail invalid(InvalidExpenseException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid expense", ex);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ex.getBody();
		// Sorted, as validators report in no particular order
		List<Map<String, String>> errors = ex.getFieldErrors()
			.stream()
			.sorted(Comparator.comparing(FieldError::getField))
			.map((error) -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	private static ProblemDetail problem(HttpStatus status, String title, RuntimeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(title);
		return problem;
	}

}
