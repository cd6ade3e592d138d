/// A unit as `TMXReader` has it when the unit's end tag is read: its segment texts still as the
/// UTF-8 bytes the parser delivered (with the range left after trimming whitespace), everything else
/// as `TMUnit` holds it. The import copies the bytes straight into its batches; `unit(origin:)`
/// makes the public `TMUnit`.
struct ReadUnit: ~Copyable {
    var tuid: String?
    var line: Int
    var creationDate: String?
    var changeDate: String?
    var attributes: [TMAttribute]
    var props: [TMUnit.Prop]
    var notes: [String]
    var sourceLanguage: String
    var targetLanguage: String
    var sourceText: [UInt8]
    var sourceRange: Range<Int>
    var targetText: [UInt8]
    var targetRange: Range<Int>
    /// The variants' markup (offsets already shifted by the trim), props, notes and attributes.
    var sourceVariant: TMUnit.Variant
    var targetVariant: TMUnit.Variant

    func unit(origin: String) -> TMUnit {
        TMUnit(tuid: tuid, source: String(decoding: sourceText[sourceRange], as: UTF8.self),
               target: String(decoding: targetText[targetRange], as: UTF8.self), sourceLanguage: sourceLanguage,
               targetLanguage: targetLanguage, props: props, notes: notes, origin: origin, line: line, creationDate: creationDate,
               changeDate: changeDate, attributes: attributes, sourceVariant: sourceVariant, targetVariant: targetVariant)
    }
}
