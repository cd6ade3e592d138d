// libFuzzer entry point for Selaras's parsers (scripts/fuzz.sh builds one binary per target with
// `swiftc -sanitize=fuzzer,address -D FUZZ_<TARGET>`). Each target feeds the bytes libFuzzer
// generates to one reader and ignores its errors: a crash, a sanitizer report or a hang is the
// finding. Not part of the package build.
import Foundation
import SelarasCore
import SelarasFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let data = Data(bytes: bytes, count: size)
    #if FUZZ_TMX
    _ = try? TMXReader().read(data: data, name: "fuzz.tmx") { _ in }
    #elseif FUZZ_XLIFF
    _ = try? XLIFFReader.units(data: data, name: "fuzz.xlf")
    #elseif FUZZ_TBX
    _ = try? XMLDocument(data: data, name: "fuzz.tbx")
    #elseif FUZZ_XMLGUARD
    _ = try? XMLGuard.check(data)
    #endif
    return 0
}
