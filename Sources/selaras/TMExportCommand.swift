import ArgumentParser
import Foundation
import SelarasCore
import SelarasFormats
import SelarasTM

/// `selaras tm export --store PATH --output FILE.tmx`
struct TMExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the units of a TM store (every one, or those --filter takes) to one TMX 1.4b file.",
        discussion: "The file is written to a temporary name and renamed into place when complete.")

    @Option(name: .long, help: "The store file.")
    var store: String

    @Option(name: .long, help: "The TMX file to write.")
    var output: String

    @Option(name: .long, parsing: .singleValue, help: "Only units meeting this condition (repeatable; see 'tm remove --help').")
    var filter: [String] = []

    @OptionGroup var languages: TMLanguageOptions

    func run() throws {
        let f = try TMCommandSupport.filter(filter)
        let s = try TMCommandSupport.openStore(store, languages: languages, create: false)
        var header = (try? s.firstHeader()) ?? nil ?? TMXHeader()
        header.creationTool = "Selaras"
        header.creationToolVersion = Selaras.version
        header.sourceLanguage = languages.sourceLanguage
        header.creationDate = nil
        let writer = try TMXStreamWriter(url: TMCommandSupport.url(output), writer: TMXWriter(header: header, stampDates: false))
        do {
            try s.forEachUnit(withID: { id, u in if f.matches(id: id, u) { try writer.write(u) } })
            try writer.finish()
        } catch {
            writer.cancel()
            throw error
        }
        Console.error("\(writer.unitsWritten) units written to \(output)")
    }
}
