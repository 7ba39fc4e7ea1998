/**
 * `no_std` Rust bindings for a WIT world, in one file the crate includes
 * at its root: `include!(concat!(env!("DISSOLVE_BINDINGS"), "/<world>.rs"));`.
 *
 * As with wit-bindgen: imported interfaces are modules of functions
 * (`pulseengine::kernel::queue::describe`), exported ones are `Guest`
 * traits under `exports::`, and `export!(MyComponent);` binds the
 * implementer. `alloc`'s allocator is the canonical ABI's `cabi_realloc`
 * (the embedder arena, or a static pool), so `String` and `Vec` cross the
 * boundary without copies.
 *
 * @module
 */
import type { WitItem, WitResource, WitWorld } from "../../../wasm/wit/mod.ts";
import { funcNameParts } from "../../../wasm/wit/mod.ts";
import { camel, exportName, snake } from "./names.ts";
import { modulePath, RustTypes } from "./rust_types.ts";
import { exportWrapper, importFunction, traitMethod } from "./rust_funcs.ts";
import type { BindingOptions, GeneratedFile } from "./options.ts";

/**
 * Allocation, as in the C bindings: the crate's own allocations (`alloc`'s
 * global allocator) come from the embedder arena; `cabi_realloc` forwards
 * to it too, or keeps a static pool so the component also runs unfused.
 */
function runtime(options: BindingOptions): string[] {
  const pool = options.reallocPool;
  const realloc = pool === undefined
    ? [
      `/// The grow-free contract: what the canonical ABI allocates comes from the embedder's arena.`,
      `#[export_name = "cabi_realloc"]`,
      `pub unsafe extern "C" fn cabi_realloc(old: *mut u8, old_size: usize, align: usize, size: usize) -> *mut u8 {`,
      `  __cabi_arena_realloc(old, old_size, align, size)`,
      `}`,
    ]
    : [
      `static mut DISSOLVE_POOL: [u64; ${Math.ceil(pool / 8)}] = [0u64; ${Math.ceil(pool / 8)}];`,
      `static mut DISSOLVE_POOL_USED: usize = 0;`,
      `/// realloc-pool = ${pool}: cabi_realloc may not call an import when the component runs unfused.`,
      `#[export_name = "cabi_realloc"]`,
      `pub unsafe extern "C" fn cabi_realloc(old: *mut u8, old_size: usize, align: usize, size: usize) -> *mut u8 {`,
      `  let base = core::ptr::addr_of_mut!(DISSOLVE_POOL) as *mut u8;`,
      `  let at = (DISSOLVE_POOL_USED + align - 1) & !(align - 1);`,
      `  if at + size > ${pool} { core::arch::wasm32::unreachable() }`,
      `  DISSOLVE_POOL_USED = at + size;`,
      `  let out = base.add(at);`,
      `  if !old.is_null() { core::ptr::copy_nonoverlapping(old, out, core::cmp::min(old_size, size)); }`,
      `  out`,
      `}`,
    ];
  return [
    `extern crate alloc;`,
    ``,
    `#[link(wasm_import_module = "env")]`,
    `extern "C" {`,
    `  #[link_name = "__cabi_arena_realloc"]`,
    `  fn __cabi_arena_realloc(old: *mut u8, old_size: usize, align: usize, size: usize) -> *mut u8;`,
    `}`,
    ...realloc,
    `/// Memory from the embedder arena, for what this component passes on.`,
    `#[doc(hidden)]`,
    `pub unsafe fn dissolve_alloc(size: usize, align: usize) -> *mut u8 {`,
    `  __cabi_arena_realloc(core::ptr::null_mut(), 0, align, size)`,
    `}`,
    `struct DissolveAllocator;`,
    `unsafe impl core::alloc::GlobalAlloc for DissolveAllocator {`,
    `  unsafe fn alloc(&self, l: core::alloc::Layout) -> *mut u8 { dissolve_alloc(l.size(), l.align()) }`,
    `  // Memory is reclaimed with the arena as a whole.`,
    `  unsafe fn dealloc(&self, _p: *mut u8, _l: core::alloc::Layout) {}`,
    `  unsafe fn realloc(&self, p: *mut u8, l: core::alloc::Layout, size: usize) -> *mut u8 {`,
    `    let out = dissolve_alloc(size, l.align());`,
    `    core::ptr::copy_nonoverlapping(p, out, core::cmp::min(l.size(), size));`,
    `    out`,
    `  }`,
    `}`,
    `#[global_allocator]`,
    `static DISSOLVE_ALLOCATOR: DissolveAllocator = DissolveAllocator;`,
  ];
}

/** A handle type: one `i32`, the handle in the component's table. */
function handleStruct(name: string): string[] {
  return [
    `#[derive(Debug)]`,
    `pub struct ${name} {`,
    `  #[doc(hidden)]`,
    `  pub handle: i32,`,
    `}`,
  ];
}

/** What the glue needs of a handle type: wrap a handle, and give it up (no drop). */
function handleMethods(name: string): string[] {
  return [
    `  #[doc(hidden)]`,
    `  pub unsafe fn from_handle(handle: i32) -> Self { ${name} { handle } }`,
    `  #[doc(hidden)]`,
    `  pub fn take_handle(self) -> i32 { let h = self.handle; core::mem::forget(self); h }`,
  ];
}

/** An imported resource's handle type: methods call the host, `Drop` drops the handle. */
function importedResource(r: WitResource, methods: string[]): string[] {
  const name = camel(r.name);
  return [
    ...handleStruct(name),
    `impl ${name} {`,
    ...handleMethods(name),
    ...methods.map((l) => `  ${l}`),
    `}`,
    `impl Drop for ${name} {`,
    `  fn drop(&mut self) {`,
    `    #[link(wasm_import_module = "${r.owner || "$root"}")]`,
    `    extern "C" { #[link_name = "[resource-drop]${r.name}"] fn drop_handle(handle: i32); }`,
    `    unsafe { drop_handle(self.handle) }`,
    `  }`,
    `}`,
  ];
}

/** An exported resource: its own handle, its borrow, and the trait its implementation meets. */
function exportedResource(r: WitResource, methods: string[]): string[] {
  const name = camel(r.name);
  const s = snake(r.name);
  return [
    `#[link(wasm_import_module = "[export]${r.owner}")]`,
    `extern "C" {`,
    `  #[link_name = "[resource-new]${r.name}"] fn resource_new_${s}(rep: i32) -> i32;`,
    `  #[link_name = "[resource-rep]${r.name}"] fn resource_rep_${s}(handle: i32) -> i32;`,
    `  #[link_name = "[resource-drop]${r.name}"] fn resource_drop_${s}(handle: i32);`,
    `}`,
    `/// An owned handle to a \`${r.name}\` this component implements.`,
    ...handleStruct(name),
    `impl ${name} {`,
    `  pub fn new<T: Guest${name}>(val: T) -> Self {`,
    `    let rep = alloc::boxed::Box::into_raw(alloc::boxed::Box::new(val)) as usize as i32;`,
    `    ${name} { handle: unsafe { resource_new_${s}(rep) } }`,
    `  }`,
    `  pub fn get<T: Guest${name}>(&self) -> &T {`,
    `    unsafe { &*(resource_rep_${s}(self.handle) as usize as *const T) }`,
    `  }`,
    ...handleMethods(name),
    `}`,
    `impl Drop for ${name} {`,
    `  fn drop(&mut self) { unsafe { resource_drop_${s}(self.handle) } }`,
    `}`,
    `/// A borrowed \`${r.name}\`: its representation, for the duration of the call.`,
    `pub struct ${name}Borrow<'a> {`,
    `  rep: i32,`,
    `  _marker: core::marker::PhantomData<&'a ()>,`,
    `}`,
    `impl<'a> ${name}Borrow<'a> {`,
    `  #[doc(hidden)]`,
    `  pub unsafe fn from_rep(rep: i32) -> Self { ${name}Borrow { rep, _marker: core::marker::PhantomData } }`,
    `  pub fn get<T: Guest${name}>(&self) -> &'a T { unsafe { &*(self.rep as usize as *const T) } }`,
    `  #[doc(hidden)]`,
    `  pub fn rep(&self) -> i32 { self.rep }`,
    `}`,
    `pub trait Guest${name}: 'static {`,
    ...methods.map((m) => `  ${m}`),
    `}`,
  ];
}

/** Renders nested `pub mod` blocks for the module paths that have contents. */
function renderModules(modules: Map<string, string[]>): string[] {
  const root: { children: Map<string, unknown>; lines: string[] } = {
    children: new Map(),
    lines: [],
  };
  type Node = typeof root;
  for (const [path, lines] of [...modules].sort(([a], [b]) => a.localeCompare(b))) {
    let node = root;
    for (const part of path.split("::").slice(1)) {
      if (!node.children.has(part)) node.children.set(part, { children: new Map(), lines: [] });
      node = node.children.get(part) as Node;
    }
    node.lines.push(...lines);
  }
  const render = (node: Node, indent: string): string[] => [
    ...node.lines.map((l) => `${indent}${l}`),
    ...[...node.children].flatMap(([name, child]) => [
      `${indent}#[allow(dead_code, unused_imports, unused_unsafe, clippy::all)]`,
      `${indent}pub mod ${name} {`,
      ...render(child as Node, `${indent}  `),
      `${indent}}`,
    ]),
  ];
  return render(root, "");
}

/** The functions of an item, and its module (`crate` for the world's own). */
function itemParts(world: WitWorld, item: WitItem) {
  const funcs = item.kind === "interface" ? item.funcs : item.kind === "func" ? [item.func] : [];
  const module = item.kind === "interface" ? modulePath(world, item.name) : "crate";
  return { funcs, module };
}

/**
 * Generates the Rust bindings of `world`.
 *
 * @example
 * ```ts
 * import { generateRust } from "./rust.ts";
 * const world = { name: "hello", package: "a:b", resources: [], typeNames: new Map(),
 *   items: [{ kind: "func" as const, direction: "export" as const,
 *     func: { name: "greet", sig: { params: [], result: { kind: "string" as const } } } }] };
 * const [file] = generateRust(world, {});
 * console.log(file.text.includes("fn greet() -> alloc::string::String;")); // true
 * ```
 */
export function generateRust(world: WitWorld, options: BindingOptions): GeneratedFile[] {
  const types = new RustTypes(world);
  const methods = new Map<number, string[]>();
  const wrappers: string[] = [];
  const resourceOf = (name: string, owner: string) =>
    world.resources.find((r) => r.owner === owner && r.name === funcNameParts(name).resource);
  for (const item of world.items) {
    const { funcs, module } = itemParts(world, item);
    if (item.kind === "interface") {
      for (const t of item.types) if (t.type.kind !== "resource") types.name(t.type);
    }
    const owner = item.kind === "interface" ? item.name : "";
    const trait: string[] = [];
    for (const f of funcs) {
      const r = funcNameParts(f.name).kind === "freestanding"
        ? undefined
        : resourceOf(f.name, owner);
      if (item.direction === "import") {
        const code = importFunction(types, f, item.kind === "interface" ? item.name : "$root");
        if (r) methods.set(r.id, [...(methods.get(r.id) ?? []), ...code]);
        else types.add(module, code);
        continue;
      }
      const method = traitMethod(types, f);
      if (r) methods.set(r.id, [...(methods.get(r.id) ?? []), method]);
      else trait.push(method);
      wrappers.push(
        ...exportWrapper(
          types,
          { module, exportName: exportName(item, f.name) },
          f,
          wrappers.length,
        ),
      );
    }
    if (item.direction === "export" && (funcs.length || item.kind === "interface")) {
      const own = world.resources.filter((r) => r.owner === owner);
      types.add(module, [
        `pub trait Guest {`,
        ...own.map((r) => `  type ${camel(r.name)}: Guest${camel(r.name)};`),
        ...trait.map((m) => `  ${m}`),
        `}`,
      ]);
      for (const r of own) {
        wrappers.push(
          `#[export_name = "${exportName(item, `[dtor]${r.name}`)}"]`,
          `unsafe extern "C" fn __dissolve_dtor_${wrappers.length}(rep: i32) {`,
          `  drop(alloc::boxed::Box::from_raw(rep as usize as *mut <$ty as ${module}::Guest>::${
            camel(r.name)
          }));`,
          `}`,
        );
      }
    }
  }
  for (const r of world.resources) {
    const module = modulePath(world, r.owner);
    const m = methods.get(r.id) ?? [];
    types.add(module, r.direction === "import" ? importedResource(r, m) : exportedResource(r, m));
  }
  const text = [
    `// Generated by Dissolve (gale) from WIT world ${world.package}/${world.name}. Do not edit.`,
    `// Include it at the crate root: include!(concat!(env!("DISSOLVE_BINDINGS"), "/${
      snake(world.name)
    }.rs"));`,
    ...runtime(options),
    ...renderModules(types.modules),
    `/// Binds the type that implements this world's exports: \`export!(MyComponent);\`.`,
    `#[allow(unused_macros)]`,
    `macro_rules! export {`,
    `  ($ty:ident) => {`,
    ...wrappers.map((l) => `    ${l}`),
    `  };`,
    `}`,
    ``,
  ];
  return [{ name: `${snake(world.name)}.rs`, text: text.join("\n") }];
}
