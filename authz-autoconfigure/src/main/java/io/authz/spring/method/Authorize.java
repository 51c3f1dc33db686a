package io.authz.spring.method;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks the policy engine, before the method runs, whether the current principal may perform an action on a
 * resource; the method only runs when the policy allows it, and a deny throws
 * {@link io.authz.spring.authorization.PolicyDeniedException}.
 * <p>
 * Placed on a type, it applies to every method of the type that is not annotated itself (with the method name as
 * the action unless one is given). It can be used as a meta-annotation; placeholders such as {@code {kind}} in its
 * attributes are filled from the composed annotation's attributes when an
 * {@link org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults} bean is defined, as for
 * {@code @PreAuthorize}.
 * <p>
 * {@link #id()} and {@link #attributes()} are SpEL expressions evaluated like {@code @PreAuthorize} expressions:
 * method arguments are available as {@code #name}, plus {@code authentication}, {@code principal} and beans as
 * {@code @name}. An expression that cannot be parsed fails application start-up.
 *
 * <pre class="code">
 * &#64;Authorize(resource = "document", action = "edit", id = "#id", attributes = "&#64;documents.attributesOf(#id)")
 * public Document update(String id, DocumentChange change) { ... }
 * </pre>
 */
@Target({ ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface Authorize {

	/**
	 * The resource kind, which selects the resource policy (for example {@code document}). A literal, not an
	 * expression.
	 * @return the resource kind
	 */
	String resource();

	/**
	 * The action to check (for example {@code read} or {@code expense:approve}). A literal, not an expression;
	 * empty means the name of the annotated method.
	 * @return the action
	 */
	String action() default "";

	/**
	 * A SpEL expression for the resource id (for example {@code #id} or {@code #order.id}); its value is turned
	 * into a string. Empty, or an expression that evaluates to {@code null}, means no id.
	 * @return the id expression
	 */
	String id() default "";

	/**
	 * A SpEL expression for the resource attributes, the {@code R.attr} of policy conditions: either a
	 * {@code Map<String, ?>} or any object, which is converted to a map as Jackson would serialize it. Empty, or an
	 * expression that evaluates to {@code null}, means no attributes.
	 * @return the attributes expression
	 */
	String attributes() default "";

}
