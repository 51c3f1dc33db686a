/**
 * Audit of policy decisions: one {@link io.authz.spring.audit.AuthorizationDecisionEvent} per decision, bridged to
 * Spring Boot's audit events, Spring Security's authorization events and a JSON decision log.
 */
@NullMarked
package io.authz.spring.audit;

import org.jspecify.annotations.NullMarked;
