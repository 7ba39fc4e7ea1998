//! Kernel primitive: counting semaphores, in Rust.
//!
//! A `no_std` crate built by Debian's rustc for `wasm32-unknown-unknown`
//! (gale: `language = "rust"`). The canonical ABI for this interface is
//! plain core values — `u32` in, `u32` / `bool` (an `i32` 0 or 1) out — so
//! the glue is just the exported names the component model expects.
#![no_std]

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

#[export_name = "pulseengine:kernel/semaphore#give"]
pub extern "C" fn give(id: u32) {
    *slot(id) += 1;
}

#[export_name = "pulseengine:kernel/semaphore#take"]
pub extern "C" fn take(id: u32) -> u32 {
    let c = slot(id);
    if *c == 0 {
        return 0;
    }
    *c -= 1;
    1
}

#[export_name = "pulseengine:kernel/semaphore#count"]
pub extern "C" fn count(id: u32) -> u32 {
    *slot(id)
}
