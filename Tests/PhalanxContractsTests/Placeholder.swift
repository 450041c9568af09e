import Testing
import WAT
@Test func placeholder() {}
