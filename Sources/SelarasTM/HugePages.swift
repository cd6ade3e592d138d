import Foundation

/// Asks the kernel to back a large buffer with huge pages (2 MiB, Linux transparent huge pages in
/// `madvise` mode), so that filling it costs one page fault per 2 MiB instead of one per 4 KiB.
/// Only a hint: without huge pages nothing changes.
enum HugePages {
    /// Buffers smaller than this are left alone.
    static let threshold = 4 << 20

    static func advise(_ start: UnsafeMutableRawPointer, bytes: Int) {
        guard bytes >= threshold else { return }
        let page = Int(getpagesize())
        let from = (Int(bitPattern: start) + page - 1) & ~(page - 1)
        let to = (Int(bitPattern: start) + bytes) & ~(page - 1)
        guard to > from, let p = UnsafeMutableRawPointer(bitPattern: from) else { return }
        _ = madvise(p, to - from, MADV_HUGEPAGE)
    }

    /// `advise` for the spare capacity of an array (whose elements are about to be appended).
    static func advise<T>(capacityOf array: inout [T]) {
        let count = array.count, capacity = array.capacity
        guard (capacity - count) * MemoryLayout<T>.stride >= threshold else { return }
        array.withUnsafeMutableBufferPointer { b in
            guard let base = b.baseAddress else { return }
            advise(UnsafeMutableRawPointer(base + count), bytes: (capacity - count) * MemoryLayout<T>.stride)
        }
    }
}
