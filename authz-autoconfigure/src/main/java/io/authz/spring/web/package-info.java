/**
 * Spring MVC support: policy denies as RFC 9457 problem details.
 */
@NullMarked
package io.authz.spring.web;

import org.jspecify.annotations.NullMarked;
