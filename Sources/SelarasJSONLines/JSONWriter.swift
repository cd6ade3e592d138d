/// Writes JSON into a byte buffer, the one JSON encoder of the `--jsonl` commands.
///
/// Commas between values are placed by the writer; keys are written in the order given (the
/// commands give them sorted, so every output line has sorted keys). Strings are escaped by
/// `JSONText.appendString`: only what JSON requires, so non-ASCII text, slashes, U+2028/U+2029 and
/// emoji stay as they are.
public struct JSONWriter {
    public var bytes: [UInt8] = []
    /// Whether the container at each depth already holds a value (a comma is due before the next).
    private var filled: [Bool] = [false]

    public init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    private mutating func separate() {
        if filled[filled.count - 1] { bytes.append(0x2C) } else { filled[filled.count - 1] = true }
    }

    public mutating func beginObject() {
        separate()
        bytes.append(0x7B)
        filled.append(false)
    }

    public mutating func endObject() {
        filled.removeLast()
        bytes.append(0x7D)
    }

    public mutating func beginArray() {
        separate()
        bytes.append(0x5B)
        filled.append(false)
    }

    public mutating func endArray() {
        filled.removeLast()
        bytes.append(0x5D)
    }

    /// A key inside an object; the next value call writes its value.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(0x22)
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(contentsOf: [0x22, 0x3A])
        filled[filled.count - 1] = false  // the value follows without a comma
        pendingValue = true
    }

    /// A key given at run time (escaped).
    public mutating func key(_ name: String) {
        separate()
        var name = name
        name.withUTF8 { JSONText.appendString($0, to: &bytes) }
        bytes.append(0x3A)
        filled[filled.count - 1] = false
        pendingValue = true
    }

    private var pendingValue = false

    /// Before a value: a comma in arrays; nothing right after a key.
    private mutating func beforeValue() {
        if pendingValue {
            pendingValue = false
            filled[filled.count - 1] = true
        } else {
            separate()
        }
    }

    public mutating func string(_ utf8: UnsafeBufferPointer<UInt8>) {
        beforeValue()
        JSONText.appendString(utf8, to: &bytes)
    }

    public mutating func string(_ s: String) {
        beforeValue()
        var s = s
        s.withUTF8 { JSONText.appendString($0, to: &bytes) }
    }

    public mutating func int(_ i: Int) {
        beforeValue()
        bytes.append(contentsOf: String(i).utf8)
    }

    /// A number, integral values without a fraction (`75`, `62.5`).
    public mutating func number(_ d: Double) {
        beforeValue()
        let text = d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)) : "null"
        bytes.append(contentsOf: text.utf8)
    }

    public mutating func bool(_ b: Bool) {
        beforeValue()
        bytes.append(contentsOf: (b ? "true" : "false").utf8)
    }

    public mutating func null() {
        beforeValue()
        bytes.append(contentsOf: "null".utf8)
    }

    /// The id as the input gave it.
    public mutating func id(_ id: JSONID) {
        beforeValue()
        bytes.append(contentsOf: id.json)
    }

    /// JSON already encoded (valid JSON text, one value).
    public mutating func raw(_ json: [UInt8]) {
        beforeValue()
        bytes.append(contentsOf: json)
    }

    /// An array of strings.
    public mutating func strings(_ list: [String]) {
        beginArray()
        for s in list { string(s) }
        endArray()
    }

    /// `{"id":<id>` — the start of every output record; close it with `endRecord()`.
    public mutating func beginRecord(id: JSONID) {
        beginObject()
        key("id")
        self.id(id)
    }

    /// `}` and a line break.
    public mutating func endRecord() {
        endObject()
        bytes.append(0x0A)
        filled = [false]
        pendingValue = false
    }

    /// Forgets any open containers (after the bytes of an unfinished record were dropped).
    public mutating func reset() {
        filled = [false]
        pendingValue = false
    }

    /// The bytes as a string (for tests and small outputs).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
