// libFuzzer entry point for Selaras's parsers (scripts/fuzz.sh builds one binary per target with
// `swiftc -sanitize=fuzzer,address -D FUZZ_<TARGET>`). Each target feeds the bytes libFuzzer
// generates to one reader and ignores its errors: a crash, a sanitizer report or a hang is the
// finding. Not part of the package build.
import Foundation
import SelarasCore
#if FUZZ_JSONL
import SelarasJSONLines
#else
import SelarasFormats
#endif

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
    #elseif FUZZ_JSONL
    // One JSON line as `--jsonl` commands read it: the record, then each string field decoded.
    var parser = JSONRecordParser(schema: .text)
    data.withUnsafeBytes { raw in
        let line = raw.bindMemory(to: UInt8.self)
        if (try? parser.parse(line)) != nil { _ = parser.string(0, in: line) }
    }
    #endif
    return 0
}
