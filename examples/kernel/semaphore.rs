//! Kernel primitive: counting semaphores, in Rust.
//!
//! A `no_std` crate built by Debian's rustc for `wasm32-unknown-unknown`
//! (gale: `language = "rust"`), written against the bindings gale generates
//! from kernel.wit: it implements the exported interface's `Guest` trait.
#![no_std]

include!(concat!(env!("DISSOLVE_BINDINGS"), "/semaphore_provider.rs"));

use exports::pulseengine::kernel::semaphore::Guest;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

const SEMAPHORES: usize = 8;
static mut COUNTS: [u32; SEMAPHORES] = [0; SEMAPHORES];

fn slot(id: u32) -> &'static mut u32 {
    // Single-threaded by construction: every call into the fused module runs to completion.
    unsafe { &mut COUNTS[id as usize % SEMAPHORES] }
}

struct Semaphore;

impl Guest for Semaphore {
    fn give(id: u32) {
        *slot(id) += 1;
    }

    fn take(id: u32) -> bool {
        let c = slot(id);
        if *c == 0 {
            return false;
        }
        *c -= 1;
        true
    }

    fn count(id: u32) -> u32 {
        *slot(id)
    }
}

export!(Semaphore);
