# ગુજરાતી. Gujarati "one" covers 0 and 1 and nouns don't change after a
# number ("1 મિનિટ", "5 મિનિટ"): no selectors.
language-name = ગુજરાતી
skip-to-content = મુખ્ય સામગ્રી પર જાઓ
language-switcher = ભાષા

phone-title = તમારો ફોન નંબર ચકાસો
phone-intro = આ નંબર તમારો જ છે તેની પુષ્ટિ કરવા અમે તમને SMS દ્વારા એક કોડ મોકલીશું.
phone-label = ફોન નંબર
phone-hint = ઉદાહરણ તરીકે { $example }
country-label = દેશ
country-hint = તમારો નંબર + થી શરૂ ન થતો હોય તો જ જરૂરી
client-asks = { $client } તમારા ફોન નંબરની પુષ્ટિ કરવા માગે છે.
phone-submit = મને કોડ મોકલો
error-invalid-phone-country = આ { $country } માટે માન્ય ફોન નંબર નથી. નંબર તપાસો, અથવા ઉપરની યાદીમાંથી તેનો દેશ પસંદ કરો.
flash-expired-number = તમારા કોડની મુદત પૂરી થઈ ગઈ. તમારો નંબર તપાસો, પછી નવો કોડ માંગો.

code-title = તમારો કોડ દાખલ કરો
code-intro = અમે { $phone } નંબર પર SMS દ્વારા કોડ મોકલ્યો છે.
# Always before "નંબર પર"/"નંબરની", so in the oblique: "છેલ્લે 2671 ધરાવતા નંબર પર".
number-ending-in = છેલ્લે { $last } ધરાવતા
code-lifetime = કોડની મુદત { $minutes } મિનિટમાં પૂરી થશે.
code-lifetime-seconds = કોડની મુદત { $seconds } સેકન્ડમાં પૂરી થશે.
code-expired-title = તમારા કોડની મુદત પૂરી થઈ ગઈ છે
code-expired-intro = { $phone } નંબર પર મોકલેલા કોડની મુદત પૂરી થઈ ગઈ છે. નવો કોડ મંગાવો.
code-locked-title = ઘણી વાર ખોટો કોડ દાખલ કરાયો
code-label = { $length } અંકનો કોડ
code-submit = ચકાસો
code-attempts-left = તમારી પાસે હજુ { $count } પ્રયાસ બાકી છે.
code-resend = મને નવો કોડ મોકલો
# $time is a countdown such as 0:25 (minutes:seconds).
code-resend-wait = તમે { $time } પછી નવો કોડ મંગાવી શકો છો.
code-resend-ready = હવે તમે નવો કોડ મંગાવી શકો છો.
code-resend-after = કોડ મોકલ્યાની { $seconds } સેકન્ડ પછી તમે નવો કોડ મંગાવી શકો છો.
code-change-number = બીજો નંબર વાપરો
code-sent = અમે તમને નવો કોડ મોકલ્યો છે.
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry = તમે { $minutes } મિનિટ પછી આ નંબર સાથે ફરી પ્રયાસ કરી શકો છો.

done-title = ફોન નંબરની ચકાસણી થઈ ગઈ
done-body = અમે { $phone } નંબરની ચકાસણી કરી લીધી છે. તમે આ પેજ બંધ કરી શકો છો.
done-continue = આગળ વધો

error-title = કંઈક ખોટું થયું
error-title-prefix = ભૂલ: { $title }
error-summary-title = એક સમસ્યા છે
error-empty-phone = તમારો ફોન નંબર દાખલ કરો.
error-invalid-phone = આ ફોન નંબર માન્ય લાગતો નથી. તેને ફરી જુઓ, અને જો તે પસંદ કરેલા દેશનો ન હોય તો દેશનો કોડ પણ ઉમેરો.
error-not-mobile = આ નંબર પર SMS આવી શકતા નથી. કૃપા કરીને મોબાઇલ નંબર વાપરો.
error-incorrect-code = આ કોડ સાચો નથી. તમારી પાસે હજુ { $count } પ્રયાસ બાકી છે.
error-opted-out = આ નંબરે અમારા SMS મેળવવાનું બંધ કર્યું છે. અમારા SMS જે નંબર પરથી આવે છે તેના પર START લખીને SMS મોકલો, પછી ફરી પ્રયાસ કરો.
error-expired = આ કોડની મુદત પૂરી થઈ ગઈ છે. નવો કોડ મંગાવો.
error-empty-code = અમે SMS દ્વારા મોકલેલો કોડ દાખલ કરો.
error-code-format = કોડ { $length } અંકનો છે. તેને ફરી જોઈને પ્રયાસ કરો.
error-max-attempts = ઘણી વાર ખોટો કોડ દાખલ કરાયો. નવો કોડ મેળવવા ફરીથી શરૂ કરો.
error-no-longer-valid = આ કોડ હવે વાપરી શકાશે નહીં. નવો કોડ મેળવવા ફરીથી શરૂ કરો.
error-cooldown = બીજો કોડ મંગાવતા પહેલાં કૃપા કરીને { $seconds } સેકન્ડ રાહ જુઓ.
error-quota = અમે આ નંબર પર ઘણા બધા કોડ મોકલ્યા છે. { $minutes } મિનિટ પછી ફરી પ્રયાસ કરો.
error-wrong-code-limit = આ નંબર માટે ઘણી વાર ખોટા કોડ દાખલ કરાયા છે. { $minutes } મિનિટ પછી ફરી પ્રયાસ કરો.
error-country-not-allowed = અમે આ દેશના નંબરો પર કોડ મોકલી શકતા નથી.
error-blocked = અત્યારે અમે આ નંબર પર કોડ મોકલી શકતા નથી. કૃપા કરીને પછીથી ફરી પ્રયાસ કરો.
error-budget = અત્યારે અમે વધુ કોડ મોકલી શકતા નથી. કૃપા કરીને પછીથી ફરી પ્રયાસ કરો.
error-rate-limited = તમારા નેટવર્ક પરથી ઘણી બધી વિનંતીઓ આવી છે. એક મિનિટ રાહ જોઈને ફરી પ્રયાસ કરો.
error-bad-client = આ ચકાસણી લિંક માન્ય નથી. જે સાઇટ પરથી તમે અહીં આવ્યા છો ત્યાં પાછા જઈને ફરી પ્રયાસ કરો.
error-flow-expired = આ ચકાસણી પેજની મુદત પૂરી થઈ ગઈ છે. જે સાઇટ પરથી તમે અહીં આવ્યા છો ત્યાં પાછા જઈને ફરીથી શરૂ કરો.
error-csrf = આ ફોર્મની મુદત પૂરી થઈ ગઈ છે. પાછા જાઓ, પેજ રીલોડ કરો અને ફરી પ્રયાસ કરો.
error-not-found = અમને તે પેજ મળ્યું નહીં.
error-too-large = તે વિનંતી ખૂબ મોટી હતી.
error-bad-request = અમે તે વિનંતી સમજી શક્યા નહીં.
error-unavailable = સેવા અત્યારે વ્યસ્ત છે અથવા ઉપલબ્ધ નથી. કૃપા કરીને થોડી વારમાં ફરી પ્રયાસ કરો.
error-sms-failed = અમે SMS મોકલી શક્યા નહીં. કૃપા કરીને થોડી વારમાં ફરી પ્રયાસ કરો.
error-internal = અમારી બાજુએ કંઈક ખોટું થયું. કૃપા કરીને ફરી પ્રયાસ કરો.
flash-expired = તમારા કોડની મુદત પૂરી થઈ ગઈ. નવો કોડ મેળવવા તમારો નંબર દાખલ કરો.
start-over = ફરીથી શરૂ કરો

help-title = SMS નથી મળ્યો?
help-delay = SMS આવતાં થોડી મિનિટ લાગી શકે છે.
help-options = જો તે ન આવ્યો હોય, તો તમે નવો કોડ મંગાવી શકો છો અથવા બીજો નંબર વાપરી શકો છો.
help-support = સપોર્ટનો સંપર્ક કરો

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
# "તપાસ", never "ચકાસણી": that word is the number's.
challenge-needed = SMS દ્વારા કોડ મોકલતા પહેલાં, તમારા બ્રાઉઝરે ઝડપથી તપાસ કરવી પડશે કે તમે બૉટ નથી. તપાસ પૂરી થયા પછી બ્રાઉઝર ફોર્મ આપમેળે ફરી મોકલશે.
challenge-working = તમે બૉટ નથી તેની તપાસ થઈ રહી છે. આમાં થોડી સેકન્ડ લાગે છે…
challenge-done = તપાસ પૂરી થઈ.
challenge-failed = તપાસ સફળ ન થઈ. ફરી પ્રયાસ કરવા બટન ફરીથી દબાવો.
challenge-needs-js = આ પગલા માટે JavaScript જરૂરી છે: તમારો કોડ મેળવવા JavaScript ચાલુ કરો અથવા બીજું બ્રાઉઝર વાપરો.

# Short: Gujarati goes as UCS-2 (70 units a segment) and the "@host #code"
# line is appended.
sms-body = { $brand } કોડ: { $code } ({ $minutes } મિનિટ)
# «સેકંડ», one unit shorter than «સેકન્ડ», keeps this within sms-body's 70 units.
sms-body-seconds = { $brand } કોડ: { $code } ({ $seconds } સેકંડ)

outbox-title = ડેવલપમેન્ટ SMS આઉટબૉક્સ
outbox-intro = ડેવલપમેન્ટ આઉટબૉક્સે મોકલ્યા હોત તે મેસેજ, નવા પહેલાં. પ્રોડક્શનમાં આને ક્યારેય ચાલુ કરશો નહીં.
outbox-empty = હજુ કોઈ મેસેજ નથી.
outbox-to = પ્રતિ
outbox-sent-at = મોકલ્યાનો સમય
outbox-body = મેસેજ

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = SMS દ્વારા કોડ મોકલતા પહેલાં, અમારે તપાસ કરવી પડશે કે તમે બૉટ નથી.
challenge-wait = JavaScript વગર, આ તપાસને બદલે થોડી રાહ જોવી પડશે: આ પેજ ખૂલ્યા પછી { $seconds } સેકન્ડ રાહ જુઓ, પછી બટન દબાવો.
challenge-wait-early = હજી નહીં: વધુ { $seconds } સેકન્ડ રાહ જુઓ, પછી ફરી બટન દબાવો.
challenge-wait-used-up = તમારા નેટવર્ક પરથી JavaScript વગર ઘણી બધી તપાસ થઈ છે. JavaScript ચાલુ કરો અથવા { $minutes } મિનિટ પછી ફરી પ્રયાસ કરો.
dialog-close = બંધ કરો
dialog-refused = આ સાઇટ ચકાસણીને પોતાના પેજની અંદર બતાવી શકતી નથી. અલગ પેજ પર તમારો નંબર ચકાસવા આગળ વધો; પછી તમે અહીં પાછા આવશો.
dialog-confirm-close = અમે તમને SMS દ્વારા કોડ પહેલેથી મોકલી દીધો છે. તેમ છતાં ચકાસણી બંધ કરવી છે?
