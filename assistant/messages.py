"""Every Vietnamese string the user sees, in one place (CLI, answers, chat UI).

Keeping them here lets a translator or an editor review the product's voice in one file and
keeps the other modules in English.
"""
from __future__ import annotations



# Questions as they come
EMPTY_QUESTION = "Bạn muốn hỏi gì về chuyển đổi số? Hãy nhập một câu hỏi, ví dụ: " \
                 "“Hải Dương có bao nhiêu sản phẩm OCOP?”"
QUESTION_SHORTENED = ("Câu hỏi quá dài ({total} ký tự) nên chỉ {kept} ký tự đầu được dùng để "
                      "tìm kiếm.")

# Answers
NOT_FOUND = "Không tìm thấy thông tin này trong các bài viết."
RELATED_INTRO = "Các đoạn gần nhất có thể liên quan:"
SOURCES = "Nguồn"
NO_DATE = "không ghi ngày"
DATE_INFERRED = "{date}, ngày đọc từ bài"
LLM_FALLBACK = "Không kết nối được mô hình ngôn ngữ ({reason}); câu trả lời dưới đây được " \
               "trích trực tiếp từ bài viết."
LLM_DROPPED = "Đã bỏ {n} câu không kiểm chứng được bằng nguồn trích dẫn."
FOLLOWUP_RESOLVED = "Hiểu câu hỏi là: “{question}”"
FOLLOWUP_CONTINUES = "Hiểu câu hỏi là: “{question}”, nối tiếp câu hỏi trước về {about}"
FOLLOWUP_CONTINUES_BARE = "Hiểu câu hỏi là: “{question}”, nối tiếp câu hỏi trước"
FOLLOWUP_NEEDS_CONTEXT = ("Câu hỏi này có vẻ nối tiếp một câu hỏi trước, nhưng cuộc trò chuyện "
                          "chưa có câu nào. Bạn hỏi đầy đủ giúp mình nhé, ví dụ: “Tỷ trọng kinh "
                          "tế số trong GDP năm 2024 là bao nhiêu?”")

# Answers by kind of question (answer.py, compose.py)
VERDICT_YES = "Đúng."
VERDICT_NO = "Không."
VERDICT_NOT_YET = "Chưa."
VERDICT_HAS = "Có."
VERDICT_ALREADY = "Rồi."
VERDICTS = (VERDICT_YES, VERDICT_NO, VERDICT_NOT_YET, VERDICT_HAS, VERDICT_ALREADY)
NOT_GIVEN_PERIOD = "Các bài viết không nêu thông tin này cho {period}."
AFTER_DAY = "thời điểm sau ngày {day}"
NOT_GIVEN_ENTITY = "Các bài viết không có thông tin này về {entity}."
NOT_DEFINED = "Các bài viết không giải thích {term} là gì."
NOT_GIVEN_SIDE = "{side}: các bài viết không có thông tin để so sánh."
PREMISE_CONTRADICTED = "Các bài viết không nói như vậy."
NOT_LISTED = "Các bài viết không liệt kê cụ thể các mục này."
NOT_SAID = "Các bài viết không nêu {person} phát biểu gì."
NOT_GIVEN_ROLE = "Các bài viết không nêu {person} giữ vai trò gì trong {body}."
NOT_GIVEN_CAUSE = "Các bài viết không nêu lý do."
NOT_GIVEN_HOLDER = "Các bài viết không nêu ai là {role}."
NOT_GIVEN_FIGURES = "Các bài viết không nêu số liệu của từng bên để so sánh."
NOT_GIVEN_DONE = ("Các bài viết chỉ nêu việc này được đề xuất, yêu cầu hoặc lên kế hoạch, không "
                  "nêu việc đã thực hiện.")
NOT_GIVEN_PILOT = ("Các bài viết chỉ nêu việc này đang được thí điểm, không nêu việc đã triển khai "
                   "chính thức hay trên toàn quốc.")
NOT_GIVEN_HOW = "Các bài viết không nêu cách thức vận hành cụ thể."
NOT_GIVEN_FIGURE = "Các bài viết không nêu số liệu đủ để trả lời có hay không."
NOT_GIVEN_PART = "Các bài viết chỉ nêu con số chung ({total}), không nêu riêng phần được hỏi."
NOT_GIVEN_EXACT = "Các bài viết chỉ nêu con số ước lượng, không nêu con số chính xác."
NOT_GIVEN_BREAKDOWN = "Các bài viết không nêu số liệu chia theo {dimension}."
NOT_GIVEN_AMOUNT = "Các bài viết không nêu con số này."
NOT_GIVEN_DATE = "Các bài viết không nêu thời điểm của việc này."
BYLINE = "Bài “{title}”: {said}."
BYLINE_SOURCE = "đăng trên {source} {date}"
BYLINE_NO_SOURCE = "bài không ghi nguồn báo đăng"
BYLINE_AUTHOR = "tác giả {author}"
BYLINE_NO_AUTHOR = "bài không ghi tên tác giả"
BYLINE_LEAD = "Đoạn mở đầu bài:"
NOT_GIVEN_WHO = "Các bài viết không nêu ai thực hiện việc này."
NOT_GIVEN_TOP = "Các bài viết không nêu thứ hạng hay ai đứng đầu."
NOT_GIVEN_DEFINITION = "Các bài viết chỉ nhắc đến {term}, không giải thích đó là gì."
INSTEAD_INTRO = "Thông tin gần nhất trong các bài viết:"
HIGHER = "{side} cao hơn."
# labels of the items with the highest and lowest figure of a list ("thủ tục nào cao nhất?")
HIGHEST = "Cao nhất"
LOWEST = "Thấp nhất"
PERIOD_YEAR = "năm {year}"
PERIOD_MONTH = "tháng {month}/{year}"

# Terminal chat
CHAT_WELCOME = "Hỏi về các bài viết chuyển đổi số (gõ /xoa để bắt đầu cuộc trò chuyện mới, " \
               "Ctrl-D để thoát)."
CHAT_PROMPT = "Bạn: "
CHAT_CLEARED = "Đã xóa lịch sử trò chuyện."

# Index and CLI
INDEX_MISSING = "Chưa có chỉ mục trong {path}; đang xây dựng..."
INDEX_DAMAGED = "Chỉ mục hỏng hoặc không đọc được ({reason}); đang xây dựng lại từ thư mục docs/."
INDEX_UNCHANGED = "Chỉ mục đã cập nhật: {articles} bài, {chunks} đoạn."
INDEX_BUILT = "Đã xây dựng chỉ mục: {articles} bài, {chunks} đoạn ({embedded} đoạn mới được " \
              "mã hóa, {cached} lấy từ bộ nhớ đệm) trong {seconds:.1f} giây."
INDEX_UPDATED = "Đã cập nhật chỉ mục: thêm {added}, sửa {changed}, xóa {removed}; " \
                "{articles} bài, {chunks} đoạn, trong {seconds:.1f} giây."
INDEX_FAILED = "Không xây dựng được chỉ mục: {reason}"
SETTINGS_INVALID = "Biến môi trường ASSISTANT_* không hợp lệ: {error}"
FILE_SKIPPED = "Bỏ qua tệp {error}"
FILE_NOT_FOUND = "Không tìm thấy tệp {path}."
# Said in English to a question asked in English: the answer quotes the Vietnamese articles
ENGLISH_SOURCES = ("The sources are Vietnamese news articles, so the answer quotes them in "
                   "Vietnamese.")
NO_HITS = "Không tìm thấy đoạn nào phù hợp."
NO_ARTICLES = "Thư mục {path} không có bài viết nào (.txt, .md, .html)."

# Index: damaged files, readers and writers, progress, article size (issue 9: 4, 6, 7)
INDEX_FILE_REPAIRED = ("Bộ nhớ đệm của chỉ mục bị hỏng ({problem}); đã bỏ đi, các đoạn sẽ được "
                       "mã hóa lại.")
INDEX_WAITING = ("Một tiến trình khác đang cập nhật chỉ mục {path}; đang chờ tiến trình đó "
                 "xong...")
INDEX_BUSY = ("Một tiến trình khác đang cập nhật chỉ mục; tạm dùng bản dựng trước "
              "({articles} bài, {chunks} đoạn).")
INDEX_PROGRESS = "Đang mã hóa: {done}/{total} câu ({percent:.0f}%)."
ARTICLE_TOO_LARGE = "bài dài {chars} ký tự, vượt giới hạn {limit} ký tự một bài " \
                    "(ASSISTANT_MAX_ARTICLE_CHARS)"

# Article library
ARTICLE_ADDED = "Đã thêm bài “{title}” ({chunks} đoạn) — có thể hỏi ngay."
ARTICLE_REMOVED = "Đã xóa bài “{title}” khỏi thư viện."
ARTICLE_REJECTED = "Không thêm được bài viết: {reason}. Thư viện hiện có không thay đổi."
ARTICLE_EXISTS = "Đã có bài với mã “{id}”; hãy đổi tiêu đề hoặc xóa bài cũ trước."
ARTICLE_EMPTY = "bài viết không có nội dung"
ARTICLE_BAD_TYPE = "chỉ nhận tệp .txt, .md hoặc .html"
ARTICLE_NOT_FOUND = "Không có bài với mã “{id}”."

# Web UI
UI_TITLE = "Trợ lý hỏi đáp chuyển đổi số"
UI_INTRO = "Hỏi bằng tiếng Việt, có dấu hoặc không dấu. Mỗi ý trong câu trả lời có số [n] " \
           "trỏ tới đúng câu trong bài báo; bấm vào nguồn để đọc cả bài."
UI_TAB_CHAT = "Trò chuyện"
UI_TAB_LIBRARY = "Thư viện bài viết"
UI_INPUT = "Câu hỏi của bạn"
UI_INPUT_PLACEHOLDER = "Ví dụ: Hải Dương có bao nhiêu sản phẩm OCOP?"
UI_SEND = "Gửi"
UI_CLEAR = "Cuộc trò chuyện mới"
UI_EXAMPLES = "Câu hỏi mẫu"
UI_SETTINGS = "Tùy chọn"
UI_K = "Số đoạn văn đọc"
UI_MODE = "Cách trả lời"
UI_MODE_EXTRACTIVE = "Trích nguyên văn (không cần LLM)"
UI_MODE_LLM = "Mô hình ngôn ngữ (LLM)"
UI_MODE_LLM_MISSING = "Máy chủ chưa được cấu hình mô hình ngôn ngữ; hãy nhờ người quản trị bật " \
                      "nếu cần."
UI_SHOW_SCORES = "Hiện điểm truy hồi"
UI_ARTICLE = "Bài viết"
UI_ARTICLE_EMPTY = "Bấm vào số [n] hoặc tên nguồn dưới câu trả lời để đọc cả bài; câu được " \
                   "trích sẽ được tô sáng."
UI_SCORE = "hạng {rank}, điểm {score}"  # score already written with a decimal comma
UI_CONFIDENCE = "Độ tin cậy bằng chứng: {value}"
UI_LIB_HEADERS = ["Tiêu đề", "Ngày", "Nguồn", "Số đoạn", "Mã"]
UI_UPLOAD = "Tải lên tệp .txt, .md hoặc .html"
UI_PASTE = "Hoặc dán nội dung bài viết"
UI_PASTE_TITLE = "Tiêu đề"
UI_PASTE_DATE = "Ngày (ngày/tháng/năm, ví dụ 15/11/2025)"
UI_PASTE_SOURCE = "Nguồn / báo"
UI_ADD = "Thêm bài viết"
UI_ADDING = "Đang làm sạch và lập chỉ mục bài viết..."
UI_REMOVE_PICK = "Chọn bài để xóa"
UI_REMOVE = "Xóa bài viết"
UI_NOTHING_TO_ADD = "Hãy tải lên một tệp hoặc dán nội dung bài viết."
UI_FEEDBACK_THANKS = "Cảm ơn bạn đã đánh giá câu trả lời."
UI_AUTH_REQUIRED = "Phục vụ trên địa chỉ {host} (không phải loopback) cần đặt " \
                   "ASSISTANT_UI_USERNAME và ASSISTANT_UI_PASSWORD; máy chủ không khởi động."
UI_READY = "Trợ lý sẵn sàng tại {url} (khởi động {seconds:.1f} giây)."

# HTTP API and OpenAI-compatible endpoint (assistant/serving/api.py)
API_BAD_JSON = "Nội dung yêu cầu không phải JSON hợp lệ."
API_BAD_FIELD = "Yêu cầu không hợp lệ: trường “{field}” thiếu hoặc sai kiểu."
API_BAD_K = "Số đoạn văn k phải từ 1 đến {max_k}."
API_BAD_MODE = "Chế độ tìm kiếm phải là hybrid, dense hoặc lexical."
API_NO_QUESTION = "Tin nhắn cuối cùng phải là câu hỏi của người dùng (role “user”) và " \
                  "không được để trống."
API_UNAUTHORIZED = "Cần đăng nhập: gửi tên và mật khẩu của trang trò chuyện (HTTP Basic), " \
                   "hoặc mật khẩu làm Bearer token."
API_TOO_LARGE = "Yêu cầu quá lớn: tối đa {limit} byte."
API_NO_INDEX = "Chưa có chỉ mục bài viết nên chưa trả lời được ({reason}). Hãy thử lại sau."
API_FAILED = "Máy chủ gặp lỗi khi xử lý yêu cầu này; hãy thử lại hoặc báo cho quản trị viên."
SOURCE_LINE = "[{n}] {title}{meta}: “{quote}”"  # meta: " (source · date)" or ""
# HTTP API: every answer slot stayed busy for the whole wait (assistant/serving/api.py, 503)
API_BUSY = "Máy chủ đang bận trả lời nhiều câu hỏi khác nên chưa nhận thêm câu hỏi này. " \
           "Hãy thử lại sau {seconds} giây."

# Web chat: reading, sources, copy, library safety, Gradio's own labels (issue 10)
UI_SOURCES_COUNT = "Nguồn ({n})"
UI_COPY = "Sao chép"
UI_COPIED = "Đã chép vào bộ nhớ tạm"
UI_ROLE_USER = "Bạn"
UI_ROLE_BOT = "Trợ lý"
UI_INFO_TITLE = "Thông báo"
UI_FEEDBACK_CLEARED = "Đã bỏ đánh giá."
UI_LIB_EMPTY = "Thư viện chưa có bài viết nào."
UI_LIB_CHUNKS = "đoạn"  # after the chunk count, on a phone
UI_REMOVE_NONE = "Hãy chọn bài cần xóa trong danh sách trước."
UI_REMOVE_CONFIRM = "Xóa bài “{title}” khỏi thư viện? Không hoàn tác được."
UI_REMOVE_YES = "Xác nhận xóa"
UI_REMOVE_NO = "Hủy"
UI_REMOVE_CANCELLED = "Đã hủy, không xóa bài nào."
UI_LIBRARY_READONLY = "Thư viện chỉ để xem: máy chủ này không cho thêm hoặc xóa bài viết."
UI_LIBRARY_REFUSED = "Máy chủ không cho phép thêm hoặc xóa bài viết."
UI_TOO_LARGE = "Bài viết quá lớn ({size}); tối đa {limit}. Hãy chia nhỏ hoặc chỉ giữ phần nội " \
               "dung chính. Thư viện không thay đổi."
UI_UPLOAD_TOO_LARGE = "Tệp quá lớn: {files}; mỗi bài tối đa {limit}. Thư viện không thay đổi."
UI_UPLOAD_EXPIRED = ("Tệp tải lên đã quá {minutes} phút chưa được thêm nên máy chủ đã xóa; "
                     "hãy tải tệp lên lại. Thư viện không thay đổi.")
UI_BAD_DATE = "Không hiểu ngày “{date}”; hãy nhập theo dạng ngày/tháng/năm, ví dụ 15/11/2025."
UI_LOGIN_THROTTLED = "Đăng nhập sai quá nhiều lần; hãy thử lại sau {seconds} giây."
# Gradio's own labels (its i18n keys), shown in Vietnamese whatever the browser's language.
UI_GRADIO_LABELS = {
    "chatbot.copy_message": "Sao chép", "chatbot.copied_message": "Đã sao chép",
    "chatbot.like": "Thích", "chatbot.dislike": "Không thích",
    "chatbot.clear": "Xóa cuộc trò chuyện",
    "chatbot.retry": "Thử lại", "chatbot.undo": "Hoàn tác", "chatbot.edit": "Sửa",
    "chatbot.submit": "Gửi", "chatbot.cancel": "Hủy",
    "common.clear": "Xóa", "common.download": "Tải xuống", "common.remove": "Bỏ",
    "common.or": "hoặc", "common.loading": "Đang tải", "common.error": "Lỗi",
    "common.settings": "Cài đặt", "common.submit": "Gửi", "common.undo": "Hoàn tác",
    "common.edit": "Sửa", "common.empty": "Trống", "common.built_with_gradio": "",
    "common.language": "Ngôn ngữ", "common.display_theme": "Giao diện",
    "errors.use_via_api": "", "errors.use_via_api_or_mcp": "",
    "file.uploading": "Đang tải lên...", "common.complete": "Xong",
    "upload_text.click_to_upload": "Bấm để chọn tệp", "upload_text.drop_file": "Thả tệp vào đây",
    "upload_text.paste_clipboard": "Dán từ bộ nhớ tạm",
    "dropdown.dropdown": "Danh sách chọn", "radio.radio": "Lựa chọn",
    "slider.slider": "Thanh trượt",
    "checkbox.checkbox": "Ô đánh dấu", "textbox.copy": "Sao chép", "textbox.copied": "Đã sao chép",
}
# Labels Gradio writes in English without i18n keys (after a vote, message labels).
UI_GRADIO_FIXED = {"Liked": "Đã thích", "Disliked": "Đã không thích", "Feedback": "Góp ý",
                   "Info": UI_INFO_TITLE, "Warning": "Lưu ý", "Error": "Lỗi",
                   "Close": "Đóng", "Scroll down": "Cuộn xuống",
                   "chatbot conversation": "Cuộc trò chuyện",
                   "Click to upload or drop files": "Bấm để chọn tệp hoặc thả tệp vào đây",
                   "File upload": "Tải tệp lên", "More tabs": "Các thẻ khác",
                   "Reset to default value": "Đặt lại giá trị mặc định", "Dismiss": "Đóng"}

# LLM mode
LLM_SYSTEM_PROMPT = (
    "Bạn là trợ lý trả lời câu hỏi về chuyển đổi số bằng tiếng Việt. Chỉ được dùng thông tin "
    "trong các đoạn văn được đánh số [1], [2], ... dưới đây, không dùng hiểu biết riêng. "
    "Trả lời ngắn gọn, mỗi câu kết thúc bằng số của đoạn văn làm căn cứ, ví dụ [1] hoặc [1][2]. "
    "Giữ nguyên số liệu, tên người, tên địa danh và ngày tháng như trong đoạn văn. "
    "Nếu các đoạn văn không trả lời được câu hỏi, chỉ viết đúng câu: \"" + NOT_FOUND + "\"")
LLM_KIND_HINTS = {
    "list": "Câu hỏi yêu cầu liệt kê: nêu đủ mọi mục có trong các đoạn văn, mỗi mục một dòng, "
            "mỗi dòng kết thúc bằng số đoạn văn.",
    "comparison": "Câu hỏi yêu cầu so sánh: nêu cùng một chỉ số cho từng bên, mỗi bên một dòng; "
                  "bên nào các đoạn văn không có thì nói rõ là không có.",
    "yesno": "Câu hỏi dạng có/không: mở đầu bằng “Đúng.”, “Không.” hoặc “Chưa.”, rồi nêu bằng "
             "chứng; nếu câu hỏi nêu sai số liệu thì trả lời “Không.” và nêu số liệu đúng.",
    "summary": "Câu hỏi yêu cầu tóm tắt: 3–6 ý chính theo thứ tự trong bài, không lặp ý.",
    "definition": "Câu hỏi hỏi định nghĩa: câu đầu tiên nêu tên đầy đủ hoặc định nghĩa.",
    "why": "Câu hỏi hỏi nguyên nhân hoặc mục đích: chỉ nêu các câu nói rõ nguyên nhân, mục đích.",
    "how": "Câu hỏi hỏi cách làm: chỉ nêu các câu nói rõ cách thức, biện pháp.",
}
LLM_MISSING_HINT = "Lưu ý: {missing} Hãy nói rõ điều này trong câu trả lời."
LLM_PASSAGE = "[{n}] {title} ({date})\n{text}"
LLM_USER = "Các đoạn văn:\n\n{passages}\n\nCâu hỏi: {question}"
LLM_REASON_TIMEOUT = "hết thời gian chờ"
LLM_REASON_CONNECTION = "không kết nối được"
LLM_REASON_OTHER = "máy chủ trả lỗi"

# Reliability and security (issue 9): files confined to docs/, encodings, duplicate ids,
# settings checked at start-up, invalid Unicode in questions
ARTICLE_BAD_ID = ("mã bài “{id}” không hợp lệ: mã là tên tệp trong docs/ nên chỉ gồm chữ "
                  "thường không dấu, chữ số và dấu gạch ngang, tối đa 80 ký tự (ví dụ “{slug}”)")
ARTICLE_UNSAFE_ID = "mã bài “{id}” không hợp lệ (chứa dấu “/”, “\\”, “..” hoặc ký tự điều khiển)"
ARTICLE_NO_TEXT = "không còn nội dung bài viết sau khi làm sạch"
ARTICLE_NO_HTML_TEXT = "không tìm thấy nội dung bài viết trong trang HTML"
ARTICLE_BAD_HEADER = "phần đầu YAML (front matter) không hợp lệ: {reason}"
ARTICLE_HEADER_NOT_MAPPING = "phần đầu YAML (front matter) phải là các dòng “khóa: giá trị”"
ENCODING_UNKNOWN = "không xác định"
ARTICLE_ENCODING = ("tệp không phải UTF-8 (mã hóa đoán được: {encoding}) và không giải mã chắc "
                    "chắn được thành tiếng Việt; hãy lưu lại tệp dưới dạng UTF-8")
FILE_NOT_REGULAR = ("không phải tệp thường (liên kết tượng trưng, thư mục, thiết bị...) nên "
                    "không được lập chỉ mục")
FILE_DUPLICATE_ID = "mã bài “{id}” đã thuộc về tệp {holder}; giữ bài trong {holder}, bỏ qua tệp này"
SETTING_INVALID = "Cấu hình không hợp lệ: {name}={value!r}; giá trị cho phép: {allowed}."
SETTING_CHOICES = "một trong {choices}"
SETTING_INT_RANGE = "số nguyên từ {low} đến {high}"
SETTING_INT_MIN = "số nguyên ≥ {low}"
SETTING_FLOAT_RANGE = "số thực từ {low} đến {high}"
SETTING_FLOAT_MIN = "số thực > {low}"
SETTING_NOT_EMPTY = "một chuỗi không rỗng"
SETTING_TOKENS = "chunk_min_tokens ≤ chunk_max_tokens"
QUESTION_BAD_CHARS = ("Câu hỏi có ký tự không hợp lệ (byte không phải UTF-8 hoặc mã thay thế lẻ); "
                      "các ký tự đó được thay bằng “�”.")
BATCH_LINE_FAILED = "Không trả lời được dòng {line}: {reason}"

# Adding an article in the web chat: real progress, cancel, waiting (issue 10, point 6)
ARTICLE_CANCELLED = "Đã hủy thêm bài viết; thư viện và chỉ mục giữ nguyên như trước."
UPLOAD_LEFTOVERS_REMOVED = ("Đã xóa {count} tệp tạm còn sót trong {path} từ lần thêm bài bị "
                            "ngắt: {names}.")
UI_ADD_STARTED = "Đang đọc, làm sạch và chia đoạn bài viết..."
UI_ADD_PROGRESS = "Đang mã hóa bài viết: {done}/{total} câu ({percent}%)."
UI_ADD_WRITING = "Đã mã hóa {total} câu; đang ghi chỉ mục..."
UI_ADD_WAITING = "Đang chờ bài khác được thêm xong rồi mới thêm bài này..."
UI_REMOVE_WAITING = "Đang chờ bài khác được thêm xong rồi mới xóa..."
UI_ADD_CANCEL = "Hủy"
UI_ADD_CANCELLING = "Đang hủy..."
UI_ADD_PROGRESS_LABEL = "Tiến độ thêm bài"

# Front matter read safely (issue 19, points 1 and 2): limits, dates, aliases
HEADER_SYNTAX = "không phải YAML đúng cú pháp"
HEADER_SYNTAX_AT = "sai cú pháp YAML ở dòng {line}, cột {column}"
HEADER_TOO_LARGE = ("phần đầu YAML (front matter) dài {chars} ký tự, vượt giới hạn {limit} ký "
                    "tự")
HEADER_TOO_DEEP = "phần đầu YAML (front matter) lồng nhau quá {limit} tầng"
HEADER_TOO_MANY = "phần đầu YAML (front matter) có quá {limit} giá trị"
HEADER_ALIAS = ("phần đầu YAML (front matter) dùng bí danh (alias “*tên”), điều không được phép "
                "vì có thể nhân một dòng ngắn thành hàng triệu dòng")
HEADER_FIELD_NOT_VALUE = ("trường “{field}” trong phần đầu YAML phải là một giá trị đơn, không "
                          "phải danh sách hay bảng")
HEADER_FIELD_TOO_LONG = "trường “{field}” trong phần đầu YAML dài {chars} ký tự, tối đa {limit}"
HEADER_BAD_DATE = "ngày “{date}” trong phần đầu YAML không có thật (năm-tháng-ngày)"
FILE_UNREADABLE = "không đọc được tệp ({reason})"
ARTICLE_READ_FAILED = "không đọc được bài viết này (lỗi {kind}); các bài khác vẫn được lập chỉ mục"
ARTICLE_FILE_TOO_LARGE = "tệp bài viết sẽ dài {size} byte, vượt giới hạn {limit} byte"
# Why a file could not be read (errno names), instead of the system's English text
OS_REASONS = {"EACCES": "không có quyền truy cập", "EPERM": "không được phép truy cập",
              "ENOENT": "tệp không còn", "EISDIR": "là một thư mục",
              "ENOTDIR": "đường dẫn không phải thư mục", "EIO": "lỗi đọc đĩa",
              "ENOSPC": "đĩa đã đầy", "EROFS": "ổ đĩa chỉ đọc", "ELOOP": "liên kết vòng",
              "ENAMETOOLONG": "tên quá dài", "EMFILE": "mở quá nhiều tệp"}
OS_REASON_OTHER = "lỗi hệ thống {code}"
UI_LIB_SKIPPED = "Các tệp trong docs/ chưa được lập chỉ mục, và lý do:"
SETTING_BOOL = "true hoặc false (cũng nhận 1/0, yes/no, on/off)"
SETTING_DIR = "một thư mục (đường dẫn này hoặc thư mục cha của nó đang là một tệp)"
SETTING_URL = "một địa chỉ bắt đầu bằng http:// hoặc https://"
SETTING_ADDRESSES = ("các địa chỉ IP hoặc mạng (ví dụ 127.0.0.1, 10.0.0.0/8), cách nhau bằng "
                     "dấu phẩy")

# Why an index cannot be used (issue 19, point 11: no English reaches the user)
INDEX_NONE = "chưa có chỉ mục trong {path}"
INDEX_UNREADABLE = "không đọc được chỉ mục trong {path} (lỗi {kind})"
INDEX_COUNTS = "số vectơ, số đoạn và bản kê của chỉ mục không khớp nhau"
INDEX_NOT_SEGMENT = "tệp {file} không phải tệp của một phân đoạn chỉ mục"
INDEX_CHECKSUM = "tệp chỉ mục {file} không khớp mã kiểm tra (checksum) hoặc kích thước đã ghi"
INDEX_NO_ARTICLE = "thư mục {path} không có bài viết nào đọc được"
INDEX_CONFIG_CHANGED = "mô hình mã hóa, cách chia đoạn hoặc định dạng chỉ mục đã thay đổi"
POINTER_FOLDER = "tệp CURRENT là một thư mục"
POINTER_BINARY = "tệp CURRENT chứa dữ liệu nhị phân"
POINTER_UNREADABLE = "không đọc được tệp CURRENT (lỗi hệ thống {code})"
POINTER_NO_BUILD = "tệp CURRENT không trỏ tới bản dựng nào"
POINTER_MISSING = "tệp CURRENT trỏ tới bản dựng {name} không còn"
INTERNAL_ERROR = "lỗi nội bộ ({kind}); quản trị viên xem chi tiết trong nhật ký máy chủ"
ARTICLE_NOT_REMOVED = "Không xóa được bài viết: {reason}. Thư viện hiện có không thay đổi."
COMMAND_FAILED = "Không thực hiện được lệnh: {reason}"
# `ask -` lines meant as JSON (issue 19, point 12)
BATCH_BAD_JSON = "dòng mở đầu bằng “{” nhưng không phải JSON hợp lệ"
BATCH_NOT_OBJECT = ("dòng là JSON nhưng không phải một đối tượng {\"question\": ..., "
                    "\"history\": [...]}")
BATCH_BAD_FIELD = "trường “{field}” phải là {kind}"
KIND_STRING = "một chuỗi"
KIND_TURNS = "một danh sách các lượt {\"question\": chuỗi, \"answer\": chuỗi} hoặc các chuỗi"

# One JSON error shape on every route (issue 19, points 6, 8, 9)
HTTP_BAD_REQUEST = "Yêu cầu không hợp lệ."
HTTP_FORBIDDEN = "Không có quyền thực hiện yêu cầu này."
HTTP_NOT_FOUND = "Không có địa chỉ này trên máy chủ."
HTTP_METHOD = "Địa chỉ này không nhận phương thức {method}."
HTTP_TOO_LARGE = "Yêu cầu quá lớn."
HTTP_URL_TOO_LONG = "Địa chỉ (URL) quá dài."
HTTP_BAD_FIELDS = "Yêu cầu không hợp lệ: dữ liệu gửi lên thiếu hoặc sai kiểu."
HTTP_TOO_MANY = "Quá nhiều yêu cầu; hãy thử lại sau ít phút."
HTTP_ERROR = "Yêu cầu không thành công (mã {status})."
HTTP_NOT_UTF8 = "Nội dung yêu cầu không phải văn bản UTF-8 hợp lệ."
HTTP_TOO_DEEP = "Nội dung JSON lồng nhau quá {limit} tầng."
HTTP_UNPARSABLE = ("Yêu cầu HTTP không đọc được (dòng địa chỉ hoặc tiêu đề sai hoặc quá dài, "
                   "tối đa 16 KB).")

# The chat, round 2 (issue 20)
UI_ARTICLE_REMOVED = "Bài viết này đã bị xóa khỏi thư viện."
UI_UPLOAD_BAD_TYPE = "Không nhận tệp {files}: chỉ nhận tệp .txt, .md, .html hoặc .htm. " \
                     "Thư viện không thay đổi."
UI_QUESTION_MORE = "Xem thêm"
UI_FIGURES_TITLE = "Các số liệu trong câu trả lời"
UI_LIBRARY_FAILED = "Máy chủ gặp lỗi khi thay đổi thư viện; thư viện có thể chưa thay đổi. " \
                    "Hãy tải lại trang và thử lại, hoặc báo cho quản trị viên."
UI_ERROR_TITLE = "Lỗi"

# Index files damaged under a running server (issue 19, point 5)
INDEX_DAMAGED_LIVE = ("Tệp chỉ mục {file} bị hỏng hoặc bị thay đổi khi máy chủ đang chạy; vẫn trả "
                      "lời bằng bản dựng tốt gần nhất đã nạp và đang dựng lại chỉ mục.")
INDEX_COPY_FAILED = ("Không chép được tệp chỉ mục {file} để ánh xạ vào bộ nhớ ({reason}); đọc cả "
                     "tệp vào bộ nhớ.")
INDEX_REPAIRED_LIVE = "Đã dựng lại chỉ mục sau khi tệp bị hỏng: {articles} bài, {chunks} đoạn."
INDEX_REPAIR_FAILED = "Không dựng lại được chỉ mục bị hỏng: {reason}"
# A restart after an add was killed (issue 19, point 14)
INDEX_CAUGHT_UP = ("Đã cập nhật chỉ mục trong nền theo thư mục docs/ (thêm {added}, sửa {changed}, "
                   "xóa {removed}); từ giờ trả lời theo bản dựng mới.")
INDEX_CATCH_UP_FAILED = "Không cập nhật được chỉ mục trong nền; vẫn dùng bản dựng cũ: {reason}"
