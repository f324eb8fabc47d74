<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="shop" tilewidth="32" tileheight="32" tilecount="80" columns="8">
 <image source="../images/tiles/shop.png" width="256" height="320"/>
 <!-- wall_top -->
 <tile id="8">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- wall_top_edge -->
 <tile id="9">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- wall -->
 <tile id="10">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- wall_base -->
 <tile id="11">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- wall_shelf -->
 <tile id="15">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- wall_poster -->
 <tile id="16">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- wall_pegboard -->
 <tile id="17">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- wall_clock -->
 <tile id="18">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- window.0,0 -->
 <tile id="19">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- window.1,0 -->
 <tile id="23">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- door.0,0 -->
 <tile id="24">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- shelf_radios.0,0 -->
 <tile id="25">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- shelf_reels.0,0 -->
 <tile id="26">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- door.0,1 -->
 <tile id="32">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- shelf_radios.0,1 -->
 <tile id="33">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- shelf_reels.0,1 -->
 <tile id="34">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- speaker.0,1 -->
 <tile id="35">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- floor_lamp.0,1 -->
 <tile id="36">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- guitar.0,1 -->
 <tile id="37">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- counter_l -->
 <tile id="40">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- counter_m -->
 <tile id="41">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- register -->
 <tile id="42">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- counter_r -->
 <tile id="43">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- turntable -->
 <tile id="44">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="44" duration="160"/>
   <frame tileid="45" duration="160"/>
   <frame tileid="46" duration="160"/>
  </animation>
 </tile>
 <!-- turntable@1 -->
 <tile id="45">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- turntable@2 -->
 <tile id="46">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- amp -->
 <tile id="47">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- bench.0,0 -->
 <tile id="48">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- bench.1,0 -->
 <tile id="49">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- bench.2,0 -->
 <tile id="50">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- radio_table -->
 <tile id="51">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="51" duration="900"/>
   <frame tileid="52" duration="700"/>
  </animation>
 </tile>
 <!-- radio_table@1 -->
 <tile id="52">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- record_crate -->
 <tile id="53">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- stool -->
 <tile id="54">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- plant -->
 <tile id="55">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- boxes -->
 <tile id="56">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- tape_deck -->
 <tile id="57">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
  <animation>
   <frame tileid="57" duration="220"/>
   <frame tileid="58" duration="220"/>
   <frame tileid="59" duration="220"/>
  </animation>
 </tile>
 <!-- tape_deck@1 -->
 <tile id="58">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- tape_deck@2 -->
 <tile id="59">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- keyboard.0,0 -->
 <tile id="60">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- keyboard.1,0 -->
 <tile id="61">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- lathe.0,0 -->
 <tile id="65">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- lathe.1,0 -->
 <tile id="66">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- camp_bed.0,0 -->
 <tile id="67">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
 <!-- camp_bed.0,1 -->
 <tile id="75">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
</tileset>
