/* examples/hello: one component, `greet: func() -> string`, written against
 * the bindings gale generates from hello.wit (build/hello/components/hello.bindings/hello.h).
 * The string is copied into memory from the embedder arena, which the
 * firmware binds to a static arena. */
#include "hello.h"

void exports_hello_greet(hello_string_t *ret) {
  hello_string_dup(ret, "Hello from a fused component!");
}
