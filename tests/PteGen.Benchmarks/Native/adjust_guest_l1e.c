/*
 * Xen's adjust_guest_l1e (xen/arch/x86/pv/mm.h), as docs/xen-pv-abi.md §1 states it, for the benchmark baseline:
 *
 *   if entry.Present and domain is not 32-bit PV:
 *       warn (debug builds only) if the INPUT has both GuestKernel(52) and Global(8)
 *       if not User:        add GuestKernel | User          # a kernel mapping
 *       if not GuestKernel: add Global | User               # a user mapping
 *   return entry                                            # no other bit ever changes
 *
 * This is the release-build form (NDEBUG: no warning), written the way Xen writes it: a per-entry function with
 * branches, called in a loop over a page table. Built with the machine's compiler as `gcc -O2 -shared -fPIC`
 * (PteGen.Benchmarks.csproj, or at run time by NativeAdjust.cs) and called once per table through P/Invoke.
 */
#include <stddef.h>
#include <stdint.h>

#define _PAGE_PRESENT      0x0000000000000001ULL /* bit 0 */
#define _PAGE_USER         0x0000000000000004ULL /* bit 2 */
#define _PAGE_GLOBAL       0x0000000000000100ULL /* bit 8 */
#define _PAGE_GUEST_KERNEL 0x0010000000000000ULL /* bit 52 */

/* The values of PteGen.PvDomainKind. */
enum pv_domain_kind { PV64 = 0, PV32 = 1 };

static inline uint64_t adjust_guest_l1e(uint64_t pl1e, int is_pv_32bit)
{
    if ((pl1e & _PAGE_PRESENT) && !is_pv_32bit)
    {
        if (!(pl1e & _PAGE_USER))
            pl1e |= _PAGE_GUEST_KERNEL | _PAGE_USER;
        if (!(pl1e & _PAGE_GUEST_KERNEL))
            pl1e |= _PAGE_GLOBAL | _PAGE_USER;
    }
    return pl1e;
}

/* Adjusts count entries of src into dst (the two may be the same table). */
void ptegen_adjust_guest_l1e_table(const uint64_t *src, uint64_t *dst, size_t count, int kind)
{
    int is_pv_32bit = kind == PV32;
    for (size_t i = 0; i < count; i++)
        dst[i] = adjust_guest_l1e(src[i], is_pv_32bit);
}

/* One entry, for the agreement checks of the quick mode. */
uint64_t ptegen_adjust_guest_l1e(uint64_t entry, int kind)
{
    return adjust_guest_l1e(entry, kind == PV32);
}
