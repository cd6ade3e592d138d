/// A unit as `TMXReader` has it when the unit's end tag is read: its segment texts still as the
/// UTF-8 bytes the parser delivered (with the range left after trimming whitespace), everything else
/// as `TMUnit` holds it. The import copies the bytes straight into its batches; `unit(origin:)`
/// makes the public `TMUnit`.
package struct ReadUnit: ~Copyable {
    package var tuid: String?
    package var line: Int
    package var creationDate: String?
    package var changeDate: String?
    package var attributes: [TMAttribute]
    package var props: [TMUnit.Prop]
    package var notes: [String]
    package var sourceLanguage: String
    package var targetLanguage: String
    package var sourceText: [UInt8]
    package var sourceRange: Range<Int>
    package var targetText: [UInt8]
    package var targetRange: Range<Int>
    /// The variants' markup (offsets already shifted by the trim), props, notes and attributes.
    package var sourceVariant: TMUnit.Variant
    package var targetVariant: TMUnit.Variant

    package func unit(origin: String) -> TMUnit {
        TMUnit(tuid: tuid, source: String(decoding: sourceText[sourceRange], as: UTF8.self),
               target: String(decoding: targetText[targetRange], as: UTF8.self), sourceLanguage: sourceLanguage,
               targetLanguage: targetLanguage, props: props, notes: notes, origin: origin, line: line, creationDate: creationDate,
               changeDate: changeDate, attributes: attributes, sourceVariant: sourceVariant, targetVariant: targetVariant)
    }
}
