import Annotations
import AppCore
import Foundation
import Imaging
import TUIKit
import TerminalGraphics
import Workspace

/// `annotty open` without the terminal: keys and replies in, screens and image bytes out.
///
/// It runs the reducer, performs effects until none are left, and decides what the terminal must
/// be sent: the text screen (as a diff) and, at most one frame at a time, the image. After an
/// image it asks for a device status report; until the terminal answers (`terminalReady`), newer
/// images wait and only the newest is sent, so a slow link shows the latest slice, not a backlog.
public final class Session {
  public private(set) var state: AppState
  public let theme: Theme
  private var keyInput: KeyInput
  private let runner: EffectRunner
  private let renderer = ViewportRenderer()
  private let painter: GraphicsPainter
  private var previousScreen: ScreenBuffer?
  /// The image the terminal shows or is receiving; nil forces the next image out whole.
  private var shownRequest: ImageRequest?
  private var shownViewport: Rect?
  private var needsFullRepaint = true
  /// When the last image went out without an answer yet (monotonic seconds).
  private var frameSentAt: Double?
  /// The next image of rapid mode, encoded ahead, and the image it was encoded after.
  private var prepared: (request: ImageRequest, viewport: Rect, graphics: PreparedGraphics)?
  private var preparedAfter: ImageRequest?

  /// How long an unanswered status request holds back the next image (a terminal that never
  /// answers still gets frames, slowly).
  public static let readinessTimeout = 1.0
  /// Written after every image: `CSI 5 n`.
  public static let statusRequest: [UInt8] = Array("\u{1B}[5n".utf8)

  public init(
    state: AppState, theme: Theme, workspace: Workspace, locations: [[FrameLocation]],
    geometry: CellGeometry, encoding: TerminalImageEncoder.Options
  ) {
    self.state = state
    self.theme = theme
    keyInput = KeyInput(keymap: state.keymap)
    runner = EffectRunner(workspace: workspace, frames: FrameStore(locations: locations))
    painter = GraphicsPainter(geometry: geometry, options: encoding)
  }

  /// True once the user quit.
  public var isFinished: Bool { state.isQuitting }

  /// Whether keys typed so far wait for more (`w` before `1`).
  public var hasPendingKeys: Bool { !keyInput.pendingKeys.isEmpty }

  /// Whether an image is out and unanswered.
  public var isWaitingForTerminal: Bool { frameSentAt != nil }

  /// Loads the first image.
  public func start(now: Timestamp) {
    let (started, effects) = Reducer.start(state)
    state = started
    perform(effects, now: now)
    dispatch(runner.conflictsChanged(), now: now)
  }

  /// One input event: keys go through the keymap, a paste is typed text, readiness releases
  /// the next image.
  public func handle(_ event: TerminalInputEvent, now: Timestamp) {
    switch event {
    case .key(let key):
      for action in keyInput.actions(for: key, in: state.mode) { dispatch(action, now: now) }
    case .paste(let text):
      if state.mode == .command { dispatch(.typed(text), now: now) }
    case .terminalReady:
      frameSentAt = nil
    }
  }

  /// Runs an action through the reducer and performs what it asks for.
  public func dispatch(_ action: Action, now: Timestamp) {
    let (next, effects) = Reducer.reduce(state, action, now: now)
    state = next
    perform(effects, now: now)
  }

  /// The terminal changed size.
  public func resize(columns: Int, rows: Int, now: Timestamp) {
    dispatch(.resized(ScreenSize(columns: columns, rows: rows)), now: now)
    needsFullRepaint = true
  }

  /// Forgets half-typed key sequences (after a pause).
  public func resetPendingKeys() {
    keyInput.reset()
  }

  /// Decodes one prefetched frame, or in rapid mode encodes the next image, while the user is
  /// idle; false when there is nothing to do.
  public func doIdleWork() -> Bool {
    if runner.prefetchOne() { return true }
    guard canPrepareNext else { return false }
    prepareNextImage()
    return true
  }

  /// Whether frames wait to be prefetched or the next image to be encoded.
  public var hasIdleWork: Bool { !runner.prefetchQueue.isEmpty || canPrepareNext }

  /// In rapid mode, once the current image is out, the next one can be encoded ahead.
  private var canPrepareNext: Bool {
    state.mode == .rapid && shownRequest != nil && preparedAfter != shownRequest
  }

  /// Encodes the image the next answer will show, assuming it carries no shapes: rapid mode
  /// answers with a digit and moves to the next frame of the stack at once.
  private func prepareNextImage() {
    preparedAfter = shownRequest
    prepared = nil
    guard var request = shownRequest, let viewport = shownViewport,
      let stack = state.currentStack, request.frame + 1 < stack.frameCount
    else { return }
    request.frame += 1
    request.overlay.shapes = []
    if let graphics = (try? encode(request, in: viewport)) ?? nil {
      prepared = (request, viewport, graphics)
    }
  }

  /// Decodes, windows and encodes `request` for `viewport` against what the terminal shows now,
  /// without recording it as sent; nil when the frame cannot be shown.
  private func encode(_ request: ImageRequest, in viewport: Rect) throws -> PreparedGraphics? {
    guard
      case .success(let decoded) = runner.frames.frame(stack: request.stack, frame: request.frame)
    else { return nil }
    let size = painter.geometry.pixelSize(of: viewport)
    guard
      let canvas = try renderer.canvas(
        for: request, frame: decoded, width: size.width, height: size.height)
    else { return nil }
    return try painter.prepare(canvas, in: viewport, isColorFrame: decoded.color != nil)
  }

  /// When the cine timer fires next (monotonic seconds); nil when cine is off.
  public private(set) var nextTickAt: Double?

  /// Advances cine when its time has come, and keeps the timer in step with the frame rate;
  /// true when it moved a frame.
  @discardableResult
  public func tickIfDue(clock: Double, now: Timestamp) -> Bool {
    guard let interval = state.cineInterval, interval > 0 else {
      nextTickAt = nil
      return false
    }
    guard let due = nextTickAt else {
      nextTickAt = clock + interval
      return false
    }
    guard clock >= due else { return false }
    dispatch(.tick, now: now)
    // A late tick does not bunch up the next ones.
    nextTickAt = max(due + interval, clock)
    return true
  }

  /// What to write now. `clock` is monotonic seconds, for the readiness timeout.
  public func output(clock: Double) -> SessionOutput {
    let frame = AppView.view(state, theme: theme, size: state.screenSize)
    let fullRepaint = needsFullRepaint || previousScreen == nil
    var output = SessionOutput(
      screen: frame.screen, previous: fullRepaint ? nil : previousScreen, cursor: frame.cursor)
    previousScreen = frame.screen
    needsFullRepaint = false
    if fullRepaint || frame.image == nil {
      // Text covered the viewport (a clear, or help over the image): the image goes out whole.
      painter.invalidate()
      shownRequest = nil
      shownViewport = nil
    }
    if let frameSentAt, clock - frameSentAt > Self.readinessTimeout { self.frameSentAt = nil }
    guard let request = frame.image, frameSentAt == nil,
      request != shownRequest || frame.viewport != shownViewport
    else { return output }
    do {
      output.graphics = try graphics(for: request, viewport: frame.viewport)
    } catch {
      state.statusMessage = "cannot draw the image: \(error)"
      return output
    }
    shownRequest = request
    shownViewport = frame.viewport
    if !output.graphics.isEmpty {
      output.requestsReadiness = true
      frameSentAt = clock
    }
    return output
  }

  private func graphics(for request: ImageRequest, viewport: Rect) throws -> [GraphicPlacement] {
    if let prepared, prepared.request == request, prepared.viewport == viewport,
      prepared.graphics.base == painter.generation
    {
      self.prepared = nil
      painter.commit(prepared.graphics)
      return prepared.graphics.placements
    }
    guard !viewport.isEmpty, let graphics = try encode(request, in: viewport) else { return [] }
    painter.commit(graphics)
    return graphics.placements
  }

  /// Set when the user asked to sync (`:sync`) or committed an edit; the loop's background sync
  /// takes it.
  public private(set) var wantsSync = false

  /// Clears `wantsSync` once the background sync has been poked.
  public func takeSyncRequest() -> Bool {
    defer { wantsSync = false }
    return wantsSync
  }

  /// A background sync round ended: the status line, the conflicts and the image's annotations
  /// (pulled changes may touch them) are brought up to date.
  public func syncFinished(status: String, now: Timestamp) {
    dispatch(.syncChanged(status), now: now)
    dispatch(runner.conflictsChanged(), now: now)
    if let image = state.currentImage { perform([.loadAnnotations(image)], now: now) }
  }

  private func perform(_ effects: [Effect], now: Timestamp) {
    var queue = effects
    while !queue.isEmpty {
      let effect = queue.removeFirst()
      switch effect {
      case .redraw:
        needsFullRepaint = true
      case .syncNow:
        wantsSync = true
      case .quit:
        return
      default:
        for action in runner.perform(effect) {
          let (next, more) = Reducer.reduce(state, action, now: now)
          state = next
          queue += more
        }
        if effect.changesAnnotations { wantsSync = true }
        // Settling a conflict may change what the image shows.
        if case .resolveConflict = effect, let image = state.currentImage {
          queue.append(.loadAnnotations(image))
        }
      }
    }
  }
}

extension Effect {
  /// Whether the effect writes annotations, so a sync should follow.
  var changesAnnotations: Bool {
    switch self {
    case .commit, .undo, .redo, .resolveConflict: return true
    default: return false
    }
  }
}

/// What the session wants written: the text screen and the image updates.
public struct SessionOutput {
  public var screen: ScreenBuffer
  /// The screen the terminal shows; nil repaints everything.
  public var previous: ScreenBuffer?
  public var cursor: CursorPosition?
  public var graphics: [GraphicPlacement] = []
  /// Send `Session.statusRequest` after the graphics.
  public var requestsReadiness = false
}
