<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>HistoryPage</name>
    <message numerus="yes">
        <location filename="../../ui/history_page.py" line="413"/>
        <source>Details saved in VOD for %n video(s).</source>
        <translation>
            <numerusform>Details saved in VOD for %n video.</numerusform>
            <numerusform>Details saved in VOD for %n videos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/history_page.py" line="414"/>
        <source>Not saved for %n (see the dialog).</source>
        <translation>
            <numerusform>Not saved for %n (see the dialog).</numerusform>
            <numerusform>Not saved for %n (see the dialog).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JwtPanel</name>
    <message numerus="yes">
        <location filename="../../ui/playback_lab_tabs.py" line="291"/>
        <source>✓ Pass: VOD accepts this JWT; GetPlayInfo gives %n stream(s).</source>
        <translation>
            <numerusform>✓ Pass: VOD accepts this JWT; GetPlayInfo gives %n stream.</numerusform>
            <numerusform>✓ Pass: VOD accepts this JWT; GetPlayInfo gives %n streams.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KindTexts</name>
    <message numerus="yes">
        <location filename="../../ui/kind_texts.py" line="31"/>
        <source>HLS package: the playlist and %n segment(s)</source>
        <translation>
            <numerusform>HLS package: the playlist and %n segment</numerusform>
            <numerusform>HLS package: the playlist and %n segments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="321"/>
        <source>%n uploading</source>
        <translation>
            <numerusform>%n uploading</numerusform>
            <numerusform>%n uploading</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="323"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="325"/>
        <source>%n item(s) left to upload</source>
        <translation>
            <numerusform>%n item left to upload</numerusform>
            <numerusform>%n items left to upload</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="329"/>
        <source>%n item(s) in the queue</source>
        <translation>
            <numerusform>%n item in the queue</numerusform>
            <numerusform>%n items in the queue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="351"/>
        <source>%n file(s) of this batch failed.</source>
        <translation>
            <numerusform>%n file of this batch failed.</numerusform>
            <numerusform>%n files of this batch failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="353"/>
        <location filename="../../ui/main_window.py" line="355"/>
        <source>%n file(s) uploaded.</source>
        <translation>
            <numerusform>%n file uploaded.</numerusform>
            <numerusform>%n files uploaded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="367"/>
        <source>%n video(s) failed after their upload</source>
        <translation>
            <numerusform>%n video failed after its upload</numerusform>
            <numerusform>%n videos failed after their upload</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="368"/>
        <source>%n video(s) will not play: {0}</source>
        <translation>
            <numerusform>%n video will not play: {0}</numerusform>
            <numerusform>%n videos will not play: {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="415"/>
        <source>%n upload(s) running. Pause them and quit? They continue where they stopped the next time you open vodgui.</source>
        <translation>
            <numerusform>%n upload running. Pause them and quit? They continue where they stopped the next time you open vodgui.</numerusform>
            <numerusform>%n uploads running. Pause them and quit? They continue where they stopped the next time you open vodgui.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MediaPrompts</name>
    <message numerus="yes">
        <location filename="../../ui/media_prompts.py" line="26"/>
        <source>%n subtitle file(s) lie next to the videos you added: {0}. Upload them too, as subtitle media?</source>
        <translation>
            <numerusform>%n subtitle file lie next to the videos you added: {0}. Upload them too, as subtitle media?</numerusform>
            <numerusform>%n subtitle files lie next to the videos you added: {0}. Upload them too, as subtitle media?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MetadataPanel</name>
    <message numerus="yes">
        <location filename="../../ui/metadata_editor.py" line="536"/>
        <source>%n selected item(s) cannot be changed now (the video is being created, or it is not a video); changes apply to the others.</source>
        <translation>
            <numerusform>%n selected item cannot be changed now (the video is being created, or it is not a video); changes apply to the others.</numerusform>
            <numerusform>%n selected items cannot be changed now (the video is being created, or it is not a video); changes apply to the others.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QueueAnnouncements</name>
    <message numerus="yes">
        <location filename="../../ui/announce.py" line="146"/>
        <source>%n file(s) failed to upload</source>
        <translation>
            <numerusform>%n file failed to upload</numerusform>
            <numerusform>%n files failed to upload</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/announce.py" line="156"/>
        <source>%n file(s) uploaded</source>
        <translation>
            <numerusform>%n file uploaded</numerusform>
            <numerusform>%n files uploaded</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UploadPage</name>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="481"/>
        <source>All done: %n item(s) uploaded</source>
        <translation>
            <numerusform>All done: %n item uploaded</numerusform>
            <numerusform>All done: %n items uploaded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="484"/>
        <source>%n uploading</source>
        <translation>
            <numerusform>%n uploading</numerusform>
            <numerusform>%n uploading</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="485"/>
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="486"/>
        <source>%n paused</source>
        <translation>
            <numerusform>%n paused</numerusform>
            <numerusform>%n paused</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="487"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="488"/>
        <source>%n done</source>
        <translation>
            <numerusform>%n done</numerusform>
            <numerusform>%n done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="490"/>
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelled</numerusform>
            <numerusform>%n cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="548"/>
        <location filename="../../ui/upload_page.py" line="614"/>
        <source>Already in the queue: %n file(s).</source>
        <translation>
            <numerusform>Already in the queue: %n file.</numerusform>
            <numerusform>Already in the queue: %n files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="581"/>
        <source>Uploading the cover image {0}; it becomes the cover of %n video(s) when it is done.</source>
        <translation>
            <numerusform>Uploading the cover image {0}; it becomes the cover of %n video when it is done.</numerusform>
            <numerusform>Uploading the cover image {0}; it becomes the cover of %n videos when it is done.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="605"/>
        <source>Added %n file(s) to the queue; they wait, paused, until you press Start.</source>
        <translation>
            <numerusform>Added %n file to the queue; it waits, paused, until you press Start.</numerusform>
            <numerusform>Added %n files to the queue; they wait, paused, until you press Start.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="608"/>
        <source>Added %n file(s) to the queue.</source>
        <translation>
            <numerusform>Added %n file to the queue.</numerusform>
            <numerusform>Added %n files to the queue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="610"/>
        <source>Added %n subtitle file(s).</source>
        <translation>
            <numerusform>Added %n subtitle file.</numerusform>
            <numerusform>Added %n subtitle files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="612"/>
        <source>Skipped %n file(s) uploaded before to this account.</source>
        <translation>
            <numerusform>Skipped %n file uploaded before to this account.</numerusform>
            <numerusform>Skipped %n files uploaded before to this account.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="616"/>
        <source>Left out %n file(s) in folders that are not video or audio (Settings can allow all files).</source>
        <translation>
            <numerusform>Left out %n file in folders that are not video or audio (Settings can allow all files).</numerusform>
            <numerusform>Left out %n files in folders that are not video or audio (Settings can allow all files).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="622"/>
        <source>Not added, as %n item(s) could only fail:</source>
        <translation>
            <numerusform>Not added, as %n item could only fail:</numerusform>
            <numerusform>Not added, as %n items could only fail:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="689"/>
        <source>Cancel %n upload(s)? What was sent is discarded.</source>
        <translation>
            <numerusform>Cancel %n upload? What was sent is discarded.</numerusform>
            <numerusform>Cancel %n uploads? What was sent is discarded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="695"/>
        <source>The placeholder video VOD made for it is deleted (DeleteVideo): %n video(s).</source>
        <translation>
            <numerusform>The placeholder video VOD made for it is deleted (DeleteVideo): %n video.</numerusform>
            <numerusform>The placeholder video VOD made for it is deleted (DeleteVideo): %n videos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="698"/>
        <source>The image VOD made for it is deleted (DeleteImage): %n image(s).</source>
        <translation>
            <numerusform>The image VOD made for it is deleted (DeleteImage): %n image.</numerusform>
            <numerusform>The images VOD made for them are deleted (DeleteImage): %n images.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="700"/>
        <source>The attached media VOD made for it is deleted (DeleteAttachedMedia): %n file(s).</source>
        <translation>
            <numerusform>The attached media VOD made for it is deleted (DeleteAttachedMedia): %n file.</numerusform>
            <numerusform>The attached media VOD made for them are deleted (DeleteAttachedMedia): %n files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="724"/>
        <source>Copied %n VideoId(s).</source>
        <translation>
            <numerusform>Copied %n VideoId.</numerusform>
            <numerusform>Copied %n VideoIds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/upload_page.py" line="777"/>
        <source>Saving the details in VOD for %n video(s)…</source>
        <translation>
            <numerusform>Saving the details in VOD for %n video…</numerusform>
            <numerusform>Saving the details in VOD for %n videos…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VideoDetailsDialog</name>
    <message numerus="yes">
        <location filename="../../ui/video_details_dialog.py" line="104"/>
        <source>Edit %n video(s) in VOD</source>
        <translation>
            <numerusform>Edit %n video in VOD</numerusform>
            <numerusform>Edit %n videos in VOD</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/video_details_dialog.py" line="110"/>
        <source>%n videos. Only the fields you change are saved, in every one of them, with UpdateVideoInfo; a field that differs between them shows empty.</source>
        <translation>
            <numerusform>%n video. Only the fields you change are saved, with UpdateVideoInfo.</numerusform>
            <numerusform>%n videos. Only the fields you change are saved, in every one of them, with UpdateVideoInfo; a field that differs between them shows empty.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/video_details_dialog.py" line="132"/>
        <source>The current details of %n video(s) could not be read; the fields show the others&apos;.</source>
        <translation>
            <numerusform>The current details of %n video could not be read; the fields show the others&apos;.</numerusform>
            <numerusform>The current details of %n videos could not be read; the fields show the others&apos;.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/video_details_dialog.py" line="184"/>
        <source>Saved in VOD: %n video(s).</source>
        <translation>
            <numerusform>Saved in VOD: %n video.</numerusform>
            <numerusform>Saved in VOD: %n videos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/video_details_dialog.py" line="185"/>
        <source>Not saved: %n (see below).</source>
        <translation>
            <numerusform>Not saved: %n (see below).</numerusform>
            <numerusform>Not saved: %n (see below).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/video_details_dialog.py" line="216"/>
        <source>Uploading the cover image {0} in the queue (Upload page); it becomes the cover of %n video(s) when it is done.</source>
        <translation>
            <numerusform>Uploading the cover image {0} in the queue (Upload page); it becomes the cover of %n video when it is done.</numerusform>
            <numerusform>Uploading the cover image {0} in the queue (Upload page); it becomes the cover of %n videos when it is done.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WatchPage</name>
    <message numerus="yes">
        <location filename="../../ui/watch_page.py" line="276"/>
        <source>Watching · %n file(s) being written</source>
        <translation>
            <numerusform>Watching · %n file being written</numerusform>
            <numerusform>Watching · %n files being written</numerusform>
        </translation>
    </message>
</context>
</TS>
