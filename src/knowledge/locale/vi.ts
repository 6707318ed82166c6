/** Vietnamese UI strings. */
import { formatDuration } from "../text/format.js";
import type { UiStrings } from "./ui-strings.js";

export const VI: UiStrings = {
  headings: {
    description: "Mô tả",
    whenYouSeeIt: "Khi bạn thấy mã này",
    howToFix: "Cách khắc phục",
    keyDifference: "Sự khác biệt chính",
    whenToUseWhich: "Khi nào dùng cái nào",
    reference: "Định nghĩa tại",
    seeAlso: "Xem thêm",
    responseClass: "Lớp",
    reasonPhrase: "Reason phrase (cụm lý do)",
    notice: "Lưu ý",
    summary: "Tóm tắt",
    explanation: "Giải thích",
    nextSteps: "Bước tiếp theo",
  },
  classes: {
    "1xx": {
      name: "Phản hồi tạm thời",
      summary: "Phản hồi tạm thời: yêu cầu đã được nhận và đang được xử lý; phản hồi cuối cùng vẫn chưa tới. Mã 1xx không bao giờ kết thúc một transaction.",
      use: "để báo tiến trình trước khi có câu trả lời cuối cùng",
    },
    "2xx": {
      name: "Thành công",
      summary: "Thành công: yêu cầu đã được nhận, hiểu và chấp nhận; transaction kết thúc thành công.",
      use: "khi nó chấp nhận yêu cầu",
    },
    "3xx": {
      name: "Chuyển hướng",
      summary: "Chuyển hướng: cần thêm hành động để hoàn tất yêu cầu, thường là gửi yêu cầu mới tới các địa chỉ trong Contact.",
      use: "khi yêu cầu cần được gửi tới nơi khác",
    },
    "4xx": {
      name: "Lỗi phía máy khách",
      summary:
        "Lỗi phía máy khách: yêu cầu sai hoặc máy chủ này không phục vụ được; không được gửi lại y nguyên, nhưng có thể thành công sau khi sửa (thông tin xác thực, header, đích) hoặc ở nơi khác.",
      use: "khi nó không thể hoặc không muốn hoàn tất yêu cầu như đã gửi",
    },
    "5xx": {
      name: "Lỗi phía máy chủ",
      summary: "Lỗi phía máy chủ: máy chủ không thực hiện được một yêu cầu có vẻ hợp lệ; máy chủ khác có thể thành công.",
      use: "khi nó thất bại với một yêu cầu trông có vẻ hợp lệ",
    },
    "6xx": {
      name: "Lỗi toàn cục",
      summary: "Lỗi toàn cục: không máy chủ nào thực hiện được yêu cầu; proxy rẽ nhánh ngừng thử các vị trí khác.",
      use: "khi không máy chủ nào ở đâu có thể thực hiện yêu cầu",
    },
  },
  noClass: {
    name: "không thuộc lớp SIP nào",
    summary: "SIP chỉ định nghĩa các lớp phản hồi từ 1xx đến 6xx (RFC 3261 §7.2); các mã từ 700 trở lên không có ý nghĩa.",
    use: "không bao giờ: đây không phải mã trạng thái SIP hợp lệ",
  },
  deprecated: "không còn khuyến nghị dùng",
  formatRef: (rfc, section) => (section === null ? `RFC ${rfc}` : `RFC ${rfc} §${section}`),
  codeTitle: (code, reason) => (reason === null ? `SIP ${code}` : `SIP ${code} ${reason}`),
  className: (cls, id) => (id === null ? cls.name : `${id} ${cls.name}`),

  unregisteredNotice: (code) =>
    `${code} không có trong sổ đăng ký mã phản hồi SIP của IANA: trang này chỉ dựa trên lớp của nó.`,
  unregisteredDescription: (code, x00, classSummary, provisional) =>
    provisional
      ? `${code} không phải mã đã đăng ký. RFC 3261 §8.1.3.2 yêu cầu UAC coi một phản hồi tạm thời không biết như 183 Session Progress. ${classSummary}`
      : `${code} không phải mã đã đăng ký. RFC 3261 §8.1.3.2 yêu cầu UAC coi một phản hồi cuối cùng không biết như mã x00 của lớp đó, ở đây là ${x00}. ${classSummary}`,
  unregisteredWhen: [
    "Mã riêng của nhà sản xuất: một số PBX, SBC và nhà mạng dùng mã riêng (ví dụ 499) cho tình huống nội bộ.",
    "Mã từ một bản nháp hoặc RFC mới hơn mà phiên bản sipta này chưa biết.",
    "Lỗi ở bên gửi khi tạo dòng trạng thái.",
  ],
  unregisteredFix: (x00) => [
    `Xử lý nó như ${x00}, đúng như RFC 3261 §8.1.3.2 yêu cầu; đọc reason phrase và header Warning hoặc Reason để biết ý nghĩa theo nhà sản xuất.`,
    "Tra mã này trong tài liệu của sản phẩm đã gửi nó; nếu đó là thiết bị của bạn, hãy cấu hình để nó gửi mã đã đăng ký.",
  ],
  invalidClassDescription: (code) =>
    `${code} nằm ngoài mọi lớp phản hồi SIP: RFC 3261 chỉ định nghĩa từ 1xx đến 6xx (§7.2, §21), nên không thành phần chuẩn nào hiểu được nó.`,
  invalidClassWhen: ["SIP stack lỗi hoặc tự viết khi tạo dòng trạng thái.", "Lưu lượng không phải SIP hoặc bản tin hỏng bị phân tích như SIP."],
  invalidClassFix: [
    "Tìm thành phần đã gửi nó (Via, header Server, điểm bắt gói) và sửa phần tạo phản hồi của nó.",
    "Nếu bản tin bị hỏng, kiểm tra đường truyền (phân mảnh, SIP ALG, ghép luồng TCP).",
  ],

  compareTitle: (a, b) => `SIP ${a} so với ${b}`,
  classSentence: (a, aClass, b, bClass, same) =>
    same
      ? `SIP ${a} và ${b} đều là phản hồi ${aClass}: khác biệt nằm ở nguyên nhân chứ không phải ở lớp.`
      : `SIP ${a} là phản hồi ${aClass}, còn ${b} là phản hồi ${bClass}.`,
  contrast: (aDesc, bDesc) => `${aDesc} Ngược lại: ${bDesc}`,
  useSentence: (a, aUse, b, bUse, same) =>
    same
      ? `Máy chủ trả một trong hai mã ${aUse}; hãy chọn theo nguyên nhân cụ thể đã mô tả ở trên.`
      : `Máy chủ trả ${a} ${aUse}, và trả ${b} ${bUse}.`,
  sameRfc: (rfc) => `Cả hai mã đều được định nghĩa trong ${rfc}.`,
  meetLine: (code, cause) => `Bạn gặp ${code} khi: ${cause}`,
  doLine: (codeWithReason, steps) => `Với ${codeWithReason}: ${steps.join(" ")}`,
  codeWithReason: (code, reason) => (reason === null ? String(code) : `${code} (${reason})`),

  duration: (ms) => formatDuration(ms, { ms: "ms", s: "giây", min: "phút", decimal: ",", space: " " }),
  list: (items) => {
    if (items.length <= 1) return items.join("");
    return `${items.slice(0, -1).join(", ")} và ${items[items.length - 1] ?? ""}`;
  },
  unknown: "không rõ",
  quote: (text) => `“${text}”`,
};
