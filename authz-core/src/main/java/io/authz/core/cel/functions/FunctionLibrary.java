package io.authz.core.cel.functions;

import dev.cel.compiler.CelCompilerLibrary;
import dev.cel.runtime.CelRuntimeLibrary;

/** One family of functions: its macros and declarations for the compiler, its bindings for the runtime. */
interface FunctionLibrary extends CelCompilerLibrary, CelRuntimeLibrary {

}
